export * from "./result";
export type * from "./types";
export { MENU_COMMANDS, pathKey } from "./types";
export * from "./contract";
export * from "./events";
export { documentSchema, pathSchema, idSchema } from "./schemas";
export * from "./aws-channels";
export * from "./runs-channels";
export * from "./rehearse-channels";
