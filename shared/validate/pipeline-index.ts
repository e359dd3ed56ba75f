import type { JsonPath } from "../pipeline/model";
import { arrayMember, isRecord, member, recordMember, stringMember, type JsonRecord } from "./json-value";

/** One action as the rules see it, with its position already worked out. */
export interface IndexedAction {
  readonly action: JsonRecord;
  readonly path: JsonPath;
  readonly stageIndex: number;
  readonly actionIndex: number;
  /** The declared runOrder when it is a valid integer, else the service default 1. */
  readonly runOrder: number;
  readonly name: string | undefined;
  readonly typeId: JsonRecord | undefined;
  readonly category: string | undefined;
  readonly owner: string | undefined;
  readonly provider: string | undefined;
  readonly namespace: string | undefined;
}

/** One stage and its actions (only the elements that are objects). */
export interface IndexedStage {
  readonly stage: JsonRecord;
  readonly path: JsonPath;
  readonly index: number;
  readonly name: string | undefined;
  /** The stage's `actions` member when it is an array. */
  readonly actionList: readonly unknown[] | undefined;
  readonly actions: readonly IndexedAction[];
}

/**
 * The pipeline read once into lookups, so every rule is linear: stages and actions with positions,
 * and the earliest producer of each output artifact and namespace.
 */
export interface PipelineIndex {
  readonly pipeline: JsonRecord;
  /** The `stages` member when it is an array. */
  readonly stageList: readonly unknown[] | undefined;
  readonly stages: readonly IndexedStage[];
  readonly actions: readonly IndexedAction[];
  /** Output artifact name → the earliest action producing it. */
  readonly producers: ReadonlyMap<string, IndexedAction>;
  /** Namespace → the earliest action declaring it. */
  readonly namespaces: ReadonlyMap<string, IndexedAction>;
  /** Source-category action name → the first such action. */
  readonly sourceActions: ReadonlyMap<string, IndexedAction>;
}

/** True when `a` finishes before `b` starts: an earlier stage, or a lower runOrder in the same stage. */
export function runsBefore(a: IndexedAction, b: IndexedAction): boolean {
  return a.stageIndex < b.stageIndex || (a.stageIndex === b.stageIndex && a.runOrder < b.runOrder);
}

function validRunOrder(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 ? value : 1;
}

function keepEarliest(map: Map<string, IndexedAction>, key: string, action: IndexedAction): void {
  const known = map.get(key);
  if (known === undefined || runsBefore(action, known)) map.set(key, action);
}

/** Reads a pipeline object once; tolerates any shape (wrong members are simply left out). */
export function indexPipeline(pipeline: JsonRecord): PipelineIndex {
  const stageValue = member(pipeline, "stages");
  const stageList = Array.isArray(stageValue) ? stageValue : undefined;
  const stages: IndexedStage[] = [];
  const actions: IndexedAction[] = [];
  const producers = new Map<string, IndexedAction>();
  const namespaces = new Map<string, IndexedAction>();
  const sourceActions = new Map<string, IndexedAction>();

  (stageList ?? []).forEach((stage, stageIndex) => {
    if (!isRecord(stage)) return;
    const stagePath = ["stages", stageIndex];
    const actionValue = member(stage, "actions");
    const actionList = Array.isArray(actionValue) ? actionValue : undefined;
    const stageActions: IndexedAction[] = [];
    (actionList ?? []).forEach((action, actionIndex) => {
      if (!isRecord(action)) return;
      const typeId = recordMember(action, "actionTypeId");
      const entry: IndexedAction = {
        action,
        path: [...stagePath, "actions", actionIndex],
        stageIndex,
        actionIndex,
        runOrder: validRunOrder(member(action, "runOrder")),
        name: stringMember(action, "name"),
        typeId,
        category: stringMember(typeId, "category"),
        owner: stringMember(typeId, "owner"),
        provider: stringMember(typeId, "provider"),
        namespace: stringMember(action, "namespace"),
      };
      stageActions.push(entry);
      actions.push(entry);
      for (const output of arrayMember(action, "outputArtifacts")) {
        const name = stringMember(output, "name");
        if (name !== undefined) keepEarliest(producers, name, entry);
      }
      if (entry.namespace !== undefined) keepEarliest(namespaces, entry.namespace, entry);
      if (entry.category === "Source" && entry.name !== undefined && !sourceActions.has(entry.name)) {
        sourceActions.set(entry.name, entry);
      }
    });
    stages.push({
      stage,
      path: stagePath,
      index: stageIndex,
      name: stringMember(stage, "name"),
      actionList,
      actions: stageActions,
    });
  });

  return { pipeline, stageList, stages, actions, producers, namespaces, sourceActions };
}
