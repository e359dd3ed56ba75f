/**
 * The canvas's minimap: the pipeline's outline and the part in view; drag in it to pan, scroll in it
 * to zoom (React Flow's own minimap interaction, XYMinimap). React Flow's <MiniMap> keeps a store
 * subscription per node, which runs for every node on every frame of a pan and every keystroke that
 * changes the canvas; here the outline is three paths drawn from the layout, redrawn only when the
 * layout changes, and one subscription follows the view.
 */
import { Panel, useStore, useStoreApi, type ReactFlowState } from "@xyflow/react";
import { XYMinimap, type XYMinimapInstance } from "@xyflow/system";
import { memo, useEffect, useId, useMemo, useRef } from "react";
import type { Layout, LayoutNode } from "../../shared/layout";

/** React Flow's minimap size, in screen pixels. */
// Small enough to leave a 1024 px canvas room (the size the layout work chose).
const SIZE = { width: 150, height: 96 };
/** Room around the outline, in minimap pixels (React Flow's offsetScale). */
const OFFSET = 5;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** The nodes' outlines as one path per node type, in canvas coordinates, and their bounds. */
function outlineOf(layout: Layout): { paths: Record<LayoutNode["type"], string>; bounds: Rect | null } {
  const at = new Map(layout.nodes.map((n) => [n.id, n.position]));
  const paths: Record<LayoutNode["type"], string> = { stage: "", action: "", transition: "" };
  let bounds: Rect | null = null;
  for (const n of layout.nodes) {
    const parent = n.type === "action" ? at.get(n.parentId) : undefined;
    const x = n.position.x + (parent?.x ?? 0);
    const y = n.position.y + (parent?.y ?? 0);
    paths[n.type] += `M${x},${y}h${n.width}v${n.height}h${-n.width}z`;
    const rect = { x, y, width: n.width, height: n.height };
    bounds = bounds === null ? rect : union(bounds, rect);
  }
  return { paths, bounds };
}

const Outline = memo(function Outline({ paths }: { paths: Record<LayoutNode["type"], string> }) {
  return (
    <>
      <path className="minimap-stage" d={paths.stage} />
      <path className="minimap-transition" d={paths.transition} />
      <path className="minimap-action" d={paths.action} />
    </>
  );
});

const selectView = (s: ReactFlowState) => s.transform;
const selectSize = (s: ReactFlowState) => `${s.width}x${s.height}`;
const selectPanZoom = (s: ReactFlowState) => s.panZoom;
const selectExtent = (s: ReactFlowState) => s.translateExtent;

/** The minimap of `layout`, at the canvas's bottom right. */
export function CanvasMinimap({ layout, ariaLabel }: { layout: Layout; ariaLabel: string }) {
  const store = useStoreApi();
  const svg = useRef<SVGSVGElement>(null);
  const instance = useRef<XYMinimapInstance | null>(null);
  const viewScale = useRef(0);
  const titleId = useId();
  const [tx, ty, zoom] = useStore(selectView);
  useStore(selectSize);
  const panZoom = useStore(selectPanZoom);
  const translateExtent = useStore(selectExtent);
  const { width: flowWidth, height: flowHeight } = store.getState();
  const outline = useMemo(() => outlineOf(layout), [layout]);

  useEffect(() => {
    if (svg.current === null || panZoom === null) return;
    instance.current = XYMinimap({
      domNode: svg.current,
      panZoom,
      getTransform: () => store.getState().transform,
      getViewScale: () => viewScale.current,
    });
    return () => {
      instance.current?.destroy();
      instance.current = null;
    };
  }, [panZoom, store]);
  useEffect(() => {
    instance.current?.update({
      translateExtent,
      width: flowWidth,
      height: flowHeight,
      inversePan: false,
      pannable: true,
      zoomStep: 1,
      zoomable: true,
    });
  }, [panZoom, translateExtent, flowWidth, flowHeight]);

  const view = { x: -tx / zoom, y: -ty / zoom, width: flowWidth / zoom, height: flowHeight / zoom };
  const shown = outline.bounds === null ? view : union(outline.bounds, view);
  const scale = Math.max(shown.width / SIZE.width, shown.height / SIZE.height);
  viewScale.current = scale;
  const viewWidth = scale * SIZE.width;
  const viewHeight = scale * SIZE.height;
  const offset = OFFSET * scale;
  const x = shown.x - (viewWidth - shown.width) / 2 - offset;
  const y = shown.y - (viewHeight - shown.height) / 2 - offset;
  const width = viewWidth + offset * 2;
  const height = viewHeight + offset * 2;
  return (
    <Panel position="bottom-right" className="react-flow__minimap" data-testid="rf__minimap">
      <svg
        width={SIZE.width}
        height={SIZE.height}
        viewBox={`${x} ${y} ${width} ${height}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-labelledby={titleId}
        ref={svg}
      >
        <title id={titleId}>{ariaLabel}</title>
        <Outline paths={outline.paths} />
        <path
          className="react-flow__minimap-mask"
          d={`M${x - offset},${y - offset}h${width + offset * 2}v${height + offset * 2}h${-width - offset * 2}z
        M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
