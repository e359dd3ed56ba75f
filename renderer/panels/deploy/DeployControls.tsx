import { createPortal } from "react-dom";
import { useAppStore, useStoreApi } from "../../store";
import { BrowseDialog } from "../browse/BrowseDialog";
import { ConnectionPicker } from "../connection/ConnectionPicker";
import { DEPLOY_COMMAND } from "./deploy-command";
import { DeployDialog } from "./DeployDialog";
import "./deploy.css";

/** The toolbar's AWS part: connection, Browse, Deploy, and the dialogs they open. */
export function DeployControls() {
  const store = useStoreApi();
  const deployEnabled = useAppStore((s) => DEPLOY_COMMAND.enabled(s));
  const browseOpened = useAppStore((s) => s.browseOpened);
  return (
    <div className="deploy-controls">
      <ConnectionPicker />
      <button type="button" onClick={() => void browseOpened()}>
        Browse
      </button>
      <button
        type="button"
        className="primary"
        disabled={!deployEnabled}
        onClick={() => DEPLOY_COMMAND.run(store.getState())}
      >
        {DEPLOY_COMMAND.label}
      </button>
      {/* The toolbar is its own stacking context; the dialogs cover the whole window instead. */}
      {createPortal(
        <>
          <BrowseDialog />
          <DeployDialog />
        </>,
        document.body,
      )}
    </div>
  );
}
