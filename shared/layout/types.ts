import type { DropTarget } from "../pipeline/placement";
import type { Diagnostic, Severity } from "../validate/diagnostic";
import type { LayoutCache } from "./layout-cache";

/** A point on the canvas. */
export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned rectangle in absolute canvas coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Diagnostics per severity. */
export type SeverityCounts = Record<Severity, number>;

/** Which stage conditions a stage declares. */
export interface StageConditions {
  beforeEntry: boolean;
  onSuccess: boolean;
  onFailure: boolean;
}

/** What a stage lane shows. */
export interface StageNodeData {
  name: string;
  index: number;
  conditions: StageConditions;
  actionCount: number;
  collapsed: boolean;
  /** Diagnostics on the stage itself (its name, conditions, …), not on its actions. */
  diagnostics: SeverityCounts;
  /** Diagnostics on the stage's actions together, so a collapsed lane can still show them. */
  actionDiagnostics: SeverityCounts;
}

/** What an action node shows. Type members are strings: an invalid file may hold anything there. */
export interface ActionNodeData {
  name: string;
  stageIndex: number;
  actionIndex: number;
  category: string;
  owner: string;
  provider: string;
  version: string;
  runOrder: number;
  /** The catalog title, or the provider for a type the catalog does not know. */
  title: string;
  /** False for a type the catalog does not know: the node renders as a generic action. */
  known: boolean;
  /** The catalog marks the type as V2-only (false for unknown types). */
  v2Only: boolean;
  diagnostics: SeverityCounts;
  inputArtifacts: string[];
  outputArtifacts: string[];
  namespace?: string;
}

/** What a transition marker shows: the stage it leads into. */
export interface TransitionNodeData {
  stageName: string;
  stageIndex: number;
}

interface NodeBase {
  id: string;
  /** Top-left corner; relative to the parent lane when `parentId` is set, as React Flow expects. */
  position: Point;
  width: number;
  height: number;
}

/** A stage lane (a React Flow group node for its actions). */
export interface StageLayoutNode extends NodeBase {
  type: "stage";
  data: StageNodeData;
}

/** An action inside its stage lane. */
export interface ActionLayoutNode extends NodeBase {
  type: "action";
  parentId: string;
  data: ActionNodeData;
}

/** The marker between two consecutive stages. */
export interface TransitionLayoutNode extends NodeBase {
  type: "transition";
  data: TransitionNodeData;
}

/** One canvas node; maps 1:1 onto a React Flow node. */
export type LayoutNode = StageLayoutNode | ActionLayoutNode | TransitionLayoutNode;

/** An artifact flowing from the action that outputs it to one that reads it. */
export interface ArtifactEdge {
  id: string;
  type: "artifact";
  source: string;
  target: string;
  data: {
    artifact: string;
    /** The producer does not run before the consumer (the validator reports it). */
    backward: boolean;
  };
}

/** What a drop at some canvas point means: the placement rules' own type (shared/pipeline). */
export type { DropTarget, GroupDropTarget, NewStageDropTarget } from "../pipeline/placement";

/** A region of the canvas, the drop it stands for, and where to draw its indicator. */
export interface DropZone {
  rect: Rect;
  indicator: Rect;
  target: DropTarget;
}

/** The laid-out canvas. */
export interface Layout {
  /** Parents come before their children, as React Flow requires. */
  nodes: LayoutNode[];
  edges: ArtifactEdge[];
  /** Non-overlapping, ordered left to right; see `hitTest`. */
  dropZones: DropZone[];
  /** Everything drawn, for fit-to-view. */
  bounds: Rect;
  /** Diagnostics that belong to no stage (pipeline settings, triggers, file-level). */
  pipelineDiagnostics: SeverityCounts;
}

/** Inputs that change the layout besides the pipeline. */
export interface LayoutOptions {
  /** Counted onto the node their path points into (paths from the pipeline or from the file root). */
  diagnostics?: readonly Diagnostic[];
  /** Stage node ids (`stage:<name>`) drawn collapsed. */
  collapsedStages?: ReadonlySet<string>;
  /** Draw artifact-flow edges (default true). */
  showArtifactEdges?: boolean;
  /**
   * Lanes, edges and drop zones of earlier layouts, reused where nothing they depend on changed
   * (the result is the same as without it). Only for pipelines that are never changed in place.
   */
  cache?: LayoutCache;
}
