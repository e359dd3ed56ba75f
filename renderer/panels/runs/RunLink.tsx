import { useAppStore } from "../../store";

/**
 * A run id as a link to that run: it opens the runs tab on the run's timeline. Shows the first
 * eight characters (the full id is the tooltip and in the accessible name).
 */
export function RunLink({ id, className }: { id: string; className?: string }) {
  const follow = useAppStore((s) => s.runLinkFollowed);
  return (
    <button
      type="button"
      className={`link run-id-link${className === undefined ? "" : ` ${className}`}`}
      aria-label={`Run ${id}`}
      title={`Open run ${id}`}
      onClick={() => void follow(id)}
    >
      {id.slice(0, 8)}
    </button>
  );
}
