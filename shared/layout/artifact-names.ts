import type { ActionDeclaration } from "../pipeline/model";

/**
 * The artifact names of one side of an action, skipping entries an invalid file may hold (a missing
 * list, a non-object, a non-string name) so layout never throws on what validation reports.
 */
export function artifactNames(
  action: Pick<ActionDeclaration, "inputArtifacts" | "outputArtifacts">,
  side: "inputArtifacts" | "outputArtifacts",
): string[] {
  const list: unknown = action[side];
  if (!Array.isArray(list)) return [];
  const names: string[] = [];
  for (const item of list as unknown[]) {
    const name = typeof item === "object" && item !== null ? (item as { name?: unknown }).name : undefined;
    if (typeof name === "string") names.push(name);
  }
  return names;
}
