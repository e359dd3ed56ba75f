import { useAppStore } from "../store";
import { Dialog } from "./Dialog";

/**
 * The app's yes/no question (the ui slice's `confirmation`), in place of the browser's confirm():
 * it names what happens in its title and on its yes-button, and "Cancel" is always the way out.
 */
export function ConfirmDialog() {
  const question = useAppStore((s) => s.confirmation);
  if (question === null) return null;
  return (
    <Dialog
      title={question.title}
      size="sm"
      onClose={() => question.answer(false)}
      actions={
        <button
          type="button"
          className={question.danger === true ? "danger" : "primary"}
          data-autofocus={question.danger === true ? undefined : true}
          onClick={() => question.answer(true)}
        >
          {question.confirmLabel}
        </button>
      }
    >
      <p>{question.message}</p>
    </Dialog>
  );
}
