import { useAppStore } from "../../store";

/**
 * A run id as a link to that run: it opens the runs tab on the run's timeline. Shows the first
 * eight characters (the full id is the tooltip and in the accessible name).
 */
export function RunLink({
  id,
  className,
  onFollow,
}: {
  id: string;
  className?: string;
  /** Called first: a dialog showing the link closes, so the run it opens is in view. */
  onFollow?: () => void;
}) {
  const follow = useAppStore((s) => s.runLinkFollowed);
  return (
    <button
      type="button"
      className={`link run-id-link${className === undefined ? "" : ` ${className}`}`}
      aria-label={`Run ${id}`}
      title={`Open run ${id}`}
      onClick={() => {
        onFollow?.();
        void follow(id);
      }}
    >
      {id.slice(0, 8)}
    </button>
  );
}
