/**
 * Artifact-flow edges: from the action that outputs an artifact to each action that reads it.
 * Actions hidden in a collapsed stage are represented by their lane, so the flow stays visible.
 */
import type { ArtifactEdge } from "./types";

/** One action as the edge builder sees it. */
export interface FlowAction {
  /** The node the edge attaches to: the action, or its lane when the stage is collapsed. */
  nodeId: string;
  stageIndex: number;
  runOrder: number;
  actionIndex: number;
  inputs: readonly string[];
  outputs: readonly string[];
}

/** True when `a` runs strictly before `b`: an earlier stage, or an earlier group of the same one. */
function runsBefore(a: FlowAction, b: FlowAction): boolean {
  return a.stageIndex < b.stageIndex || (a.stageIndex === b.stageIndex && a.runOrder < b.runOrder);
}

/** Execution order, with document order breaking ties, so "the latest producer" is well defined. */
function later(a: FlowAction, b: FlowAction): boolean {
  if (a.stageIndex !== b.stageIndex) return a.stageIndex > b.stageIndex;
  if (a.runOrder !== b.runOrder) return a.runOrder > b.runOrder;
  return a.actionIndex > b.actionIndex;
}

/**
 * The producer an input reads. In a valid pipeline there is exactly one; with duplicates (invalid)
 * the latest one that runs before the consumer, else the first other one, marked backward so the
 * canvas can show the flow the validator complains about.
 */
function producerFor(
  producers: readonly FlowAction[],
  consumer: FlowAction,
): { producer: FlowAction; backward: boolean } | undefined {
  let best: FlowAction | undefined;
  for (const p of producers) {
    if (runsBefore(p, consumer) && (!best || later(p, best))) best = p;
  }
  if (best) return { producer: best, backward: false };
  const other = producers.find((p) => p !== consumer);
  return other ? { producer: other, backward: true } : undefined;
}

/** The edges for `actions` (in document order), one per artifact and pair of nodes. */
export function artifactEdges(actions: readonly FlowAction[]): ArtifactEdge[] {
  const producers = new Map<string, FlowAction[]>();
  for (const action of actions) {
    for (const name of action.outputs) {
      const list = producers.get(name);
      if (list) list.push(action);
      else producers.set(name, [action]);
    }
  }
  const edges: ArtifactEdge[] = [];
  const seen = new Set<string>();
  for (const consumer of actions) {
    for (const artifact of consumer.inputs) {
      const found = producerFor(producers.get(artifact) ?? [], consumer);
      if (!found || found.producer.nodeId === consumer.nodeId) continue;
      const id = `artifact:${artifact}:${found.producer.nodeId}->${consumer.nodeId}`;
      if (seen.has(id)) continue;
      seen.add(id);
      edges.push({
        id,
        type: "artifact",
        source: found.producer.nodeId,
        target: consumer.nodeId,
        data: { artifact, backward: found.backward },
      });
    }
  }
  return edges;
}
