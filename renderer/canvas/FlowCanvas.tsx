import {
  Controls,
  Panel,
  ReactFlow,
  ViewportPortal,
  Position,
  useReactFlow,
  useStore,
  type Edge,
  type Node,
  type NodeHandle,
} from "@xyflow/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { ArtifactEdge, Layout, LayoutNode } from "../../shared/layout";
import { Switch } from "../design/Switch";
import type { Selection } from "../store";
import { useAppStore, useStoreApi } from "../store";
import { selectLayout } from "../store/derived";
import { CanvasGrid } from "./CanvasGrid";
import { CanvasMinimap } from "./CanvasMinimap";
import { useDrag } from "./drag-context";
import { DropZonesLayer } from "./DropZonesLayer";
import { NODE_TYPES } from "./node-types";
import { RunProgressPanel } from "./RunProgressPanel";
import { reuseUnchanged } from "./stable-flow-elements";

/** Above this many nodes only the visible ones are rendered (the 50 x 50 stress file stays smooth). */
const VIRTUALIZE_ABOVE = 300;
/** The least zoom a pipeline opens at; wider pipelines open on their first stages. */
const READABLE_ZOOM = 0.6;
/**
 * Below this zoom the nodes switch to their simplified form: name and icon only, in larger type
 * (canvas.css, `.is-far`), so "fit" shows readable names instead of 7-pixel text. One boolean
 * selector: crossing the threshold re-renders this component, never the nodes.
 */
const FAR_ZOOM = 0.8;
/** Further out still (a wide pipeline fitted into a laptop's canvas), the type grows again. */
const TINY_ZOOM = 0.55;
/** Below this canvas size the minimap is left out: it would cover the nodes. */
const MINIMAP_ROOM = { width: 560, height: 400 } as const;
/** Room kept around a revealed node, clear of the progress panel, minimap and zoom controls. */
const REVEAL_PADDING = { top: "64px", bottom: "24px", left: "64px", right: "24px" } as const;

function isSelected(node: LayoutNode, selection: Selection): boolean {
  if (selection.kind === "pipeline") return false;
  if (node.type === "stage") return selection.kind === "stage" && node.data.index === selection.stage;
  if (node.type === "action")
    return (
      selection.kind === "actions" &&
      node.data.stageIndex === selection.stage &&
      selection.actions.includes(node.data.actionIndex)
    );
  return false;
}

// Layouts hand back unchanged lanes as the same objects (see LayoutCache); so does this mapping.
const flowNodeOf = new WeakMap<LayoutNode, { selected: boolean; node: Node }>();
const flowEdgeOf = new WeakMap<ArtifactEdge, Edge>();

const NO_HANDLES: NodeHandle[] = [];

/**
 * Where ActionNode's handles are as React Flow measures them in the page (6 px squares centred on
 * the inside edge of the node's 4 px left and 1 px right border, canvas.css): the same numbers, so
 * an edge does not move when the measurement replaces them.
 */
function actionHandles(width: number, height: number): NodeHandle[] {
  const y = height / 2 - 3;
  return [
    { type: "target", position: Position.Left, x: 1, y, width: 6, height: 6 },
    { type: "source", position: Position.Right, x: width - 4, y, width: 6, height: 6 },
  ];
}

function toFlowNode(n: LayoutNode, selected: boolean): Node {
  const known = flowNodeOf.get(n);
  if (known !== undefined && known.selected === selected) return known.node;
  const base = {
    id: n.id,
    type: n.type,
    position: n.position,
    width: n.width,
    height: n.height,
    data: n.data as unknown as Record<string, unknown>,
    draggable: false,
    selectable: false,
    connectable: false,
    selected,
    // Nodes take their size from the layout; without it React Flow measures before it can draw.
    style: { width: n.width, height: n.height },
    // Size and edge anchors known up front: React Flow draws every node it has no handles for, in
    // view or not, to measure it (opening a large pipeline would mount all its nodes), and fits the
    // view to measured nodes only ("fit view" would miss the ones never scrolled into view).
    measured: { width: n.width, height: n.height },
    handles: n.type === "action" ? actionHandles(n.width, n.height) : NO_HANDLES,
  };
  const node = n.type === "action" ? { ...base, parentId: n.parentId, zIndex: 2 } : base;
  flowNodeOf.set(n, { selected, node });
  return node;
}

/** Layout nodes as React Flow nodes: same ids, geometry and data; interaction is the designer's own. */
export function toFlowNodes(layout: Layout, selection: Selection): Node[] {
  return layout.nodes.map((n) => toFlowNode(n, isSelected(n, selection)));
}

function toFlowEdge(e: ArtifactEdge): Edge {
  let edge = flowEdgeOf.get(e);
  if (edge === undefined) {
    edge = {
      id: e.id,
      source: e.source,
      target: e.target,
      type: "default",
      // Above the lanes, below the action nodes, so a line never crosses an action's text.
      zIndex: 1,
      className: e.data.backward ? "artifact-edge is-backward" : "artifact-edge",
      ariaLabel: `Artifact ${e.data.artifact}`,
      data: e.data,
    };
    flowEdgeOf.set(e, edge);
  }
  return edge;
}

/** Artifact-flow edges, from the output's producer to each consumer. */
export function toFlowEdges(layout: Layout): Edge[] {
  return layout.edges.map(toFlowEdge);
}

function DropIndicator() {
  const preview = useAppStore((s) => s.dropPreview);
  if (preview === null) return null;
  const { x, y, width, height } = preview.indicator;
  return (
    <ViewportPortal>
      <div
        className={`drop-indicator${preview.refusal === undefined ? "" : " is-refused"}`}
        data-testid="drop-indicator"
        style={{ transform: `translate(${x}px, ${y}px)`, width, height }}
      />
    </ViewportPortal>
  );
}

/** Where the first stage appears: a target to aim at while the pipeline has no stages. */
function EmptyPipelineTarget({ layout }: { layout: Layout }) {
  const zone = layout.nodes.length === 0 ? layout.dropZones[0] : undefined;
  if (zone === undefined) return null;
  const { x, y, width, height } = zone.indicator;
  return (
    <ViewportPortal>
      <div
        className="empty-pipeline-target"
        role="note"
        aria-label="Empty pipeline"
        style={{ transform: `translate(${x - width / 2 - 60}px, ${y}px)`, width: width + 120, height }}
      >
        Drop a source action here to start the pipeline
      </div>
    </ViewportPortal>
  );
}

/** The canvas's own view switches: artifact-flow edges. */
function CanvasOptions() {
  const showEdges = useAppStore((s) => s.showArtifactEdges);
  const toggleEdges = useAppStore((s) => s.artifactEdgesToggled);
  return (
    <Panel position="top-right" className="canvas-options">
      <Switch checked={showEdges} onChange={toggleEdges}>
        Artifact flow
      </Switch>
    </Panel>
  );
}

/** The controlled React Flow canvas, fed by `layout()` of the open document. */
export function FlowCanvas() {
  const layout = useAppStore(selectLayout);
  const selection = useAppStore((s) => s.selection);
  const reveal = useAppStore((s) => s.reveal);
  const selectionChanged = useAppStore((s) => s.selectionChanged);
  const flow = useReactFlow();
  const store = useStoreApi();
  const { registerSurface } = useDrag();
  const container = useRef<HTMLDivElement>(null);
  const distance = useStore((s) =>
    s.transform[2] < TINY_ZOOM ? " is-far is-tiny" : s.transform[2] < FAR_ZOOM ? " is-far" : "",
  );

  // Each layout is new objects throughout; handing React Flow the ones it already has for what did
  // not change keeps an edit from redrawing (or, out of view, mounting) every node.
  const shown = useRef<{ nodes: Node[]; edges: Edge[] }>({ nodes: [], edges: [] });
  const nodes = useMemo(
    () => reuseUnchanged(shown.current.nodes, layout === null ? [] : toFlowNodes(layout, selection)),
    [layout, selection],
  );
  const edges = useMemo(
    () => reuseUnchanged(shown.current.edges, layout === null ? [] : toFlowEdges(layout)),
    [layout],
  );
  useEffect(() => {
    shown.current = { nodes, edges };
  }, [nodes, edges]);

  useEffect(() => {
    registerSurface({
      toCanvas: (client) => {
        const box = container.current?.getBoundingClientRect();
        if (box === undefined) return undefined;
        const inside =
          client.x >= box.left && client.x < box.right && client.y >= box.top && client.y < box.bottom;
        return inside ? flow.screenToFlowPosition(client, { snapToGrid: false }) : undefined;
      },
    });
    return () => registerSurface(null);
  }, [flow, registerSurface]);

  // What the view follows until the user moves it: the pipeline (fit on open and when stages are
  // added or removed) or a revealed node. When the canvas changes size under it (a docked panel
  // opens or is resized) the view is fitted again, so "Show the failure" keeps the failure in view.
  const autoView = useRef<(() => void) | null>(null);
  const [roomy, setRoomy] = useState(true);

  // A pipeline too wide to read whole opens on its first stages at a readable zoom (the minimap
  // shows the rest), which also keeps the first render to the nodes in view.
  const stageCount = layout?.nodes.filter((n) => n.type === "stage").length ?? 0;
  // Another document (opened, restored) is fitted too, even with as many stages as the last one.
  const documentId = useAppStore((s) => s.doc?.recoveryId ?? "");
  useEffect(() => {
    const fitPipeline = () => {
      const lanes = (selectLayout(store.getState())?.nodes ?? []).filter((n) => n.type === "stage");
      const first = lanes[0];
      if (first === undefined) return;
      const room = (container.current?.clientWidth ?? 1000) / READABLE_ZOOM;
      const shown = lanes.filter((n, i) => i === 0 || n.position.x + n.width - first.position.x <= room);
      void flow.fitView({ maxZoom: 1, minZoom: READABLE_ZOOM, nodes: shown.map((n) => ({ id: n.id })) });
    };
    autoView.current = fitPipeline;
    fitPipeline();
    // Only a change in the number of stages refits; editing inside a stage leaves the view alone.
  }, [stageCount, documentId, flow, store]);

  useEffect(() => {
    if (reveal === null) return;
    const show = (duration: number) =>
      void flow.fitView({
        nodes: [{ id: reveal.nodeId }],
        maxZoom: 1,
        minZoom: READABLE_ZOOM,
        padding: REVEAL_PADDING,
        duration,
      });
    autoView.current = () => show(0);
    show(200);
  }, [reveal, flow]);

  useEffect(() => {
    const element = container.current;
    if (element === null || typeof ResizeObserver === "undefined") return;
    let first = true;
    const observer = new ResizeObserver(() => {
      // The minimap and the zoom controls would cover a small canvas's nodes.
      setRoomy(element.clientWidth >= MINIMAP_ROOM.width && element.clientHeight >= MINIMAP_ROOM.height);
      // After React Flow has taken the new size in (its own observer may run after this one).
      if (first) first = false;
      else requestAnimationFrame(() => autoView.current?.());
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div className={`flow${distance}`} ref={container}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        nodesFocusable={false}
        zIndexMode="manual"
        edgesFocusable={false}
        onlyRenderVisibleElements={nodes.length > VIRTUALIZE_ABOVE}
        minZoom={0.05}
        maxZoom={2}
        onPaneClick={() => selectionChanged({ kind: "pipeline" })}
        // A move the user makes (a drag, the wheel, the zoom buttons) ends the automatic view.
        onMoveStart={(event) => {
          if (event !== null) autoView.current = null;
        }}
        aria-label="Pipeline canvas"
      >
        <CanvasGrid />
        {roomy && layout !== null && <CanvasMinimap layout={layout} ariaLabel="Minimap" />}
        <Controls showInteractive={false} />
        {layout !== null && <EmptyPipelineTarget layout={layout} />}
        <DropZonesLayer />
        <DropIndicator />
        <RunProgressPanel />
        <CanvasOptions />
      </ReactFlow>
    </div>
  );
}
