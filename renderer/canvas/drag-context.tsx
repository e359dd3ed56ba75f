/**
 * The pointer-based drag-and-drop controller. Drags start from the palette or from canvas nodes on
 * `pointerdown`, follow `pointermove` on the window and end on `pointerup`, so real mouse input (and
 * Playwright's mouse) drives them; HTML5 drag events are not used. While dragging, the canvas maps
 * the pointer to a drop zone of the layout and the store shows its indicator (or why it is refused).
 * A drop is one store event, hence one operation and one undo step. Escape cancels.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import type { ActionTypeSpec } from "../../shared/catalog";
import { hitTest, type DropTarget, type Layout, type Point } from "../../shared/layout";
import { useStoreApi } from "../store";
import { selectLayout } from "../store/derived";
import { dropRefusal } from "../../shared/pipeline/placement";

/** What is being dragged. */
export type DragPayload =
  | { kind: "new-action"; spec: ActionTypeSpec }
  | { kind: "new-stage" }
  | { kind: "move-action"; from: { stage: number; action: number }; category: string }
  | { kind: "move-stage"; from: number };

/** The canvas's part: screen to canvas coordinates, and whether a screen point is over the canvas. */
export interface DropSurface {
  toCanvas(client: Point): Point | undefined;
}

interface DragApi {
  /** Called from a pointerdown; a press without movement stays a click (`onClick`). */
  startDrag(
    payload: DragPayload,
    label: string,
    event: PointerEvent | React.PointerEvent,
    onClick?: () => void,
  ): void;
  registerSurface(surface: DropSurface | null): void;
}

const DragContext = createContext<DragApi | null>(null);

/** Pixels the pointer must travel before a press becomes a drag. */
const DRAG_THRESHOLD = 4;

/** For a stage drag: the gap (0..n) nearest `point`, from a zone's target. */
function stageGap(layout: Layout, target: DropTarget, point: Point): number {
  if (target.kind === "new-stage") return target.index;
  const lane = layout.nodes.find((n) => n.type === "stage" && n.data.index === target.stage);
  if (lane === undefined) return target.stage;
  return point.x < lane.position.x + lane.width / 2 ? target.stage : target.stage + 1;
}

function refusalFor(
  layout: Layout,
  payload: DragPayload,
  target: DropTarget,
  pipeline: Parameters<typeof dropRefusal>[0],
): string | undefined {
  if (payload.kind === "new-action") return dropRefusal(pipeline, payload.spec.category, target);
  if (payload.kind === "move-action")
    return dropRefusal(pipeline, payload.category, target, payload.from.stage);
  void layout;
  return undefined;
}

/** Provides the drag controller to the palette and the canvas, and draws the dragged item's ghost. */
export function DragProvider({ children }: { children?: ReactNode }) {
  const store = useStoreApi();
  const surface = useRef<DropSurface | null>(null);
  const ghost = useRef<HTMLDivElement | null>(null);
  const [label, setLabel] = useState<string | null>(null);

  const startDrag = useCallback<DragApi["startDrag"]>(
    (payload, text, event, onClick) => {
      if (event.button !== 0) return;
      const start = { x: event.clientX, y: event.clientY };
      let active = false;
      let lastKey = "";
      let target: DropTarget | undefined;
      let gap = 0;

      const place = (x: number, y: number) => {
        if (ghost.current !== null) ghost.current.style.transform = `translate(${x + 12}px, ${y + 8}px)`;
      };
      const update = (x: number, y: number) => {
        const state = store.getState();
        const layout = selectLayout(state);
        const point = surface.current?.toCanvas({ x, y });
        const zone = layout === null || point === undefined ? undefined : hitTest(layout, point);
        target = zone?.target;
        if (zone === undefined || layout === null || point === undefined || state.doc === null) {
          if (lastKey !== "") state.dropPreviewed(null);
          lastKey = "";
          return;
        }
        let indicator = zone.indicator;
        let refusal: string | undefined;
        if (payload.kind === "move-stage") {
          gap = stageGap(layout, zone.target, point);
          // Draw the stage move at the gap's insertion line, whichever zone the pointer is in.
          const gapZone = layout.dropZones.find(
            (z) => z.target.kind === "new-stage" && z.target.index === gap,
          );
          if (gapZone !== undefined) indicator = gapZone.indicator;
        } else {
          refusal = refusalFor(layout, payload, zone.target, state.doc.document.pipeline);
        }
        const key = JSON.stringify([indicator, refusal]);
        if (key === lastKey) return;
        lastKey = key;
        state.dropPreviewed(refusal === undefined ? { indicator } : { indicator, refusal });
      };
      const finish = (drop: boolean) => {
        window.removeEventListener("pointermove", onMove);
        window.removeEventListener("pointerup", onUp);
        window.removeEventListener("pointercancel", onCancel);
        window.removeEventListener("keydown", onKey, true);
        const state = store.getState();
        if (!active) {
          if (drop) onClick?.();
          return;
        }
        setLabel(null);
        document.body.classList.remove("dragging");
        state.dropPreviewed(null);
        if (!drop || target === undefined) return;
        if (payload.kind === "new-action") state.actionTypeDropped(payload.spec, target);
        else if (payload.kind === "new-stage") state.stageItemDropped(target);
        else if (payload.kind === "move-action") state.actionDropped(payload.from, target);
        else state.stageDropped(payload.from, gap);
      };
      const onMove = (e: PointerEvent) => {
        if (!active) {
          if (Math.hypot(e.clientX - start.x, e.clientY - start.y) < DRAG_THRESHOLD) return;
          active = true;
          setLabel(text);
          document.body.classList.add("dragging");
          store.getState().canvasMessageShown(null);
        }
        place(e.clientX, e.clientY);
        update(e.clientX, e.clientY);
      };
      const onUp = (e: PointerEvent) => {
        if (active) update(e.clientX, e.clientY);
        finish(true);
      };
      const onCancel = () => finish(false);
      const onKey = (e: KeyboardEvent) => {
        if (e.key !== "Escape" || !active) return;
        e.preventDefault();
        e.stopPropagation();
        finish(false);
      };
      window.addEventListener("pointermove", onMove);
      window.addEventListener("pointerup", onUp);
      window.addEventListener("pointercancel", onCancel);
      window.addEventListener("keydown", onKey, true);
    },
    [store],
  );

  const registerSurface = useCallback((s: DropSurface | null) => {
    surface.current = s;
  }, []);
  const api = useMemo(() => ({ startDrag, registerSurface }), [startDrag, registerSurface]);
  return (
    <DragContext.Provider value={api}>
      {children}
      <div ref={ghost} className="drag-ghost" aria-hidden="true" hidden={label === null}>
        {label}
      </div>
    </DragContext.Provider>
  );
}

/** The drag controller (inside a DragProvider). */
export function useDrag(): DragApi {
  const api = useContext(DragContext);
  if (api === null) throw new Error("useDrag needs a DragProvider above it");
  return api;
}
