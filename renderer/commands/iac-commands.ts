import type { AppState } from "../store/state";
import type { Command } from "./registry";

/**
 * Export as CloudFormation, Terraform or CDK, with a preview (the dialog also offers JSON), and the
 * tag keys that say which tool owns a pipeline.
 */
export const IAC_COMMANDS: readonly Command[] = [
  {
    id: "exportTemplate",
    label: "Export as template",
    enabled: (s: AppState) => s.doc !== null,
    run: (s: AppState) => s.iacExportOpened(),
  },
  {
    id: "ownerTagKeys",
    label: "Owner tag keys…",
    enabled: () => true,
    run: (s: AppState) => s.ownerTagKeysOpened(),
  },
];
