import { useAppStore } from "../store";
import { Dialog } from "./Dialog";

/** New: pick a template. */
export function NewDialog() {
  const templates = useAppStore((s) => s.templates);
  const create = useAppStore((s) => s.newDocumentRequested);
  const close = useAppStore((s) => s.dialogClosed);
  return (
    <Dialog title="New pipeline" onClose={close}>
      <ul className="template-list">
        {templates.map((t) => (
          <li key={t.id}>
            <button type="button" aria-describedby={`template-${t.id}`} onClick={() => void create(t.id)}>
              {t.title}
            </button>
            <p id={`template-${t.id}`} className="muted">
              {t.description}
            </p>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
