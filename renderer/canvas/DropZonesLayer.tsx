import { ViewportPortal } from "@xyflow/react";
import { useMemo } from "react";
import { useAppStore } from "../store";
import { selectLayout } from "../store/derived";
import { dropRefusal } from "../../shared/pipeline/placement";

/**
 * While something is dragged, every place it can be dropped, drawn faintly, so the user sees where
 * to aim before getting there (the zone under the pointer is drawn strongly by the drop indicator,
 * or refused with the reason). Zones are computed once per drag, not per pointer move.
 */
export function DropZonesLayer() {
  const dragging = useAppStore((s) => s.dragging);
  const layout = useAppStore((s) => (s.dragging === null ? null : selectLayout(s)));
  const pipeline = useAppStore((s) => (s.dragging === null ? null : (s.doc?.document.pipeline ?? null)));
  const zones = useMemo(() => {
    if (dragging === null || layout === null || pipeline === null) return [];
    return layout.dropZones.filter((zone) => {
      if (dragging.kind === "new-stage" || dragging.kind === "move-stage")
        return zone.target.kind === "new-stage";
      return dropRefusal(pipeline, dragging.category ?? "", zone.target, dragging.fromStage) === undefined;
    });
  }, [dragging, layout, pipeline]);
  if (zones.length === 0) return null;
  return (
    <ViewportPortal>
      {zones.map((zone, i) => {
        const { x, y, width, height } = zone.indicator;
        return (
          <div
            key={i}
            className="drop-zone"
            data-testid="drop-zone"
            style={{ transform: `translate(${x}px, ${y}px)`, width, height }}
          />
        );
      })}
    </ViewportPortal>
  );
}
