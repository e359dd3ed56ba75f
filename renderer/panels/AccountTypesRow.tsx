import { connectionLabel } from "../store/connection-slice";
import { useAppStore, useStoreApi } from "../store";

/**
 * Under the palette: loads the connection's own action types (custom and partner types from
 * ListActionTypes) into the palette, and says how many came or why none did.
 */
export function AccountTypesRow() {
  const store = useStoreApi();
  const connection = useAppStore((s) => s.connection);
  const load = useAppStore((s) => s.accountActionTypesLoad);
  const count = useAppStore((s) => s.accountActionTypes.length);
  const where = connectionLabel(connection);
  const status =
    load === "idle"
      ? undefined
      : load === "loading"
        ? "Loading…"
        : load === "loaded"
          ? count === 0
            ? `${where} has no custom or partner action types.`
            : `${count} action type${count === 1 ? "" : "s"} from ${where}.`
          : `Could not list the action types of ${where}: ${load.error.message}`;
  return (
    <div className="palette-account">
      <button
        type="button"
        disabled={load === "loading"}
        title="Adds the custom and partner action types of the connection (ListActionTypes) to the palette, with their configuration properties"
        onClick={() => void store.getState().accountActionTypesRequested()}
      >
        {load === "idle" ? `Load action types from ${where}` : `Reload action types from ${where}`}
      </button>
      {status !== undefined && (
        <p className="muted" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
