import { CloudUpload, LayoutList } from "lucide-react";
import type { Command } from "../../commands/registry";

/** "Deploy": one click opens the dialog with the preview; one more confirms. */
export const DEPLOY_COMMAND: Command = {
  id: "deploy",
  label: "Deploy",
  icon: CloudUpload,
  enabled: (s) => s.doc !== null && !s.busy && (s.deploy === null || s.deploy.phase === "failed"),
  run: (s) => void s.deployRequested(),
};

/** "Browse": the connection's pipelines, to open one into the designer. */
export const BROWSE_COMMAND: Command = {
  id: "browse",
  label: "Browse",
  icon: LayoutList,
  enabled: (s) => !s.busy,
  run: (s) => void s.browseOpened(),
};
