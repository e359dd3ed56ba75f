import type { Command } from "../../commands/registry";

/** "Deploy": one click opens the dialog with the preview; one more confirms. */
export const DEPLOY_COMMAND: Command = {
  id: "deploy",
  label: "Deploy",
  enabled: (s) => s.doc !== null && !s.busy && (s.deploy === null || s.deploy.phase === "failed"),
  run: (s) => void s.deployRequested(),
};
