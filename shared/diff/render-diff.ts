/**
 * Plain-text views of a pipeline diff, for the CLI and for logs.
 */
import type { JsonPath } from "../pipeline/model";
import type { MemberChange } from "./json-compare";
import type { ActionChange, DiffSummary, PipelineDiff, StageChange } from "./pipeline-diff";
import { displayValue } from "./secret-values";

/** Longest rendering of one value; longer ones (a whole stage, a long script) are cut. */
const MAX_VALUE_LENGTH = 120;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * One line such as `1 stage added, 2 actions changed, 1 pipeline setting changed`, or
 * `no changes` for identical pipelines.
 */
export function summarizeDiff(summary: DiffSummary): string {
  const parts: string[] = [];
  const add = (count: number, word: string, verb: string) => {
    if (count > 0) parts.push(`${plural(count, word)} ${verb}`);
  };
  add(summary.stagesAdded, "stage", "added");
  add(summary.stagesRemoved, "stage", "removed");
  add(summary.stagesMoved, "stage", "moved");
  add(summary.stagesChanged, "stage", "changed");
  add(summary.actionsAdded, "action", "added");
  add(summary.actionsRemoved, "action", "removed");
  add(summary.actionsMoved, "action", "moved");
  add(summary.actionsChanged, "action", "changed");
  add(summary.pipelineChanges, "pipeline setting", "changed");
  return parts.length === 0 ? "no changes" : parts.join(", ");
}

/** Renders a value as compact JSON, cut to a readable length. */
export function formatValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/**
 * A path as people read it: `configuration.BranchName`, `inputArtifacts[0]`. `from` members (the
 * stage/action prefix the surrounding line already names) are dropped.
 */
export function formatPath(path: JsonPath, from = 0): string {
  let text = "";
  for (const part of path.slice(from)) {
    if (typeof part === "number") text += `[${part}]`;
    else
      text += /^[A-Za-z_$][\w$]*$/.test(part)
        ? `${text === "" ? "" : "."}${part}`
        : `[${JSON.stringify(part)}]`;
  }
  return text;
}

function memberLine(change: MemberChange, indent: string, from: number): string {
  const path = formatPath(change.path, from);
  const shown = (value: unknown) => formatValue(displayValue(change.path, value));
  switch (change.kind) {
    case "added":
      return `${indent}+ ${path}: ${shown(change.after)}`;
    case "removed":
      return `${indent}- ${path}: ${shown(change.before)}`;
    case "changed":
      return `${indent}~ ${path}: ${shown(change.before)} -> ${shown(change.after)}`;
  }
}

const MARK = { added: "+", removed: "-", moved: ">", changed: "~" } as const;

function actionLines(action: ActionChange, indent: string): string[] {
  const where = action.kind === "moved" ? ` (moved from stage ${action.fromStage ?? "?"})` : "";
  const head = `${indent}${MARK[action.kind]} action ${action.name}${where}`;
  // Paths of action members start with stages[i].actions[j]; the line above already names both.
  return [head, ...action.changes.map((c) => memberLine(c, `${indent}    `, 4))];
}

function stageLines(stage: StageChange): string[] {
  let where = "";
  if (stage.kind === "moved")
    where = ` (moved from position ${(stage.fromIndex ?? 0) + 1} to ${(stage.toIndex ?? 0) + 1})`;
  const lines = [`${MARK[stage.kind]} stage ${stage.name}${where}`];
  lines.push(...stage.changes.map((c) => memberLine(c, "    ", 2)));
  for (const action of stage.actions) lines.push(...actionLines(action, "    "));
  return lines;
}

/**
 * The diff as indented text: pipeline settings first, then stages in order with their actions and
 * member changes (`+` added, `-` removed, `~` changed, `>` moved), then the summary line. Secret
 * configuration values show as `(secret)`, so a preview in a terminal or CI log never leaks one.
 */
export function renderDiff(diff: PipelineDiff): string {
  if (diff.identical) return "No changes.\n";
  const lines: string[] = [];
  if (diff.pipeline.length > 0) {
    lines.push("~ pipeline");
    lines.push(...diff.pipeline.map((c) => memberLine(c, "    ", 0)));
  }
  for (const stage of diff.stages) lines.push(...stageLines(stage));
  lines.push(`Summary: ${summarizeDiff(diff.summary)}.`);
  return `${lines.join("\n")}\n`;
}
