import type { Node, NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { StageNodeData } from "../../shared/layout";
import { useStoreApi } from "../store";
import { DiagnosticBadge } from "./DiagnosticBadge";
import { StageRehearsalBadge } from "../rehearse/RehearsalBadge";
import { RunStatusBadge } from "./RunStatusBadge";
import { useDrag } from "./drag-context";

/** A React Flow node holding a stage lane of the layout. */
export type StageFlowNode = Node<StageNodeData & Record<string, unknown>, "stage">;

function conditionsText(c: StageNodeData["conditions"]): string {
  return [
    c.beforeEntry ? "before entry" : "",
    c.onSuccess ? "on success" : "",
    c.onFailure ? "on failure" : "",
  ]
    .filter((t) => t !== "")
    .join(", ");
}

/** A stage lane: its header (drag it to reorder stages) and, unless collapsed, room for its actions. */
export const StageNode = memo(function StageNode({ id, data, selected }: NodeProps<StageFlowNode>) {
  const store = useStoreApi();
  const { startDrag } = useDrag();
  const conditions = conditionsText(data.conditions);
  const select = () => store.getState().selectionChanged({ kind: "stage", stage: data.index });
  const total = {
    error: data.diagnostics.error + (data.collapsed ? data.actionDiagnostics.error : 0),
    warning: data.diagnostics.warning + (data.collapsed ? data.actionDiagnostics.warning : 0),
    info: 0,
  };
  return (
    <section
      role="region"
      aria-label={`Stage ${data.name}`}
      className={`stage-lane${selected ? " is-selected" : ""}${data.collapsed ? " is-collapsed" : ""}`}
    >
      <header
        className="stage-header nopan"
        onPointerDown={(e) => {
          // The title drags the stage too; only the collapse toggle is a plain button.
          if ((e.target as Element).closest(".stage-collapse") !== null) return;
          e.stopPropagation();
          startDrag({ kind: "move-stage", from: data.index }, `Stage ${data.name}`, e, select);
        }}
      >
        <button
          type="button"
          className="stage-title"
          aria-pressed={selected}
          aria-label={`Select stage ${data.name}`}
          onClick={select}
        >
          {data.name}
        </button>
        {conditions !== "" && (
          <span
            className="stage-conditions"
            title={`Conditions: ${conditions}`}
            aria-label={`Conditions: ${conditions}`}
            role="img"
          >
            ◆
          </span>
        )}
        <DiagnosticBadge counts={total} />
        <RunStatusBadge stageName={data.name} />
        <StageRehearsalBadge stageName={data.name} />
        <button
          type="button"
          className="stage-collapse"
          aria-expanded={!data.collapsed}
          aria-label={`${data.collapsed ? "Expand" : "Collapse"} stage ${data.name}`}
          onClick={() => store.getState().stageCollapseToggled(id)}
        >
          {data.collapsed ? "▸" : "▾"}
        </button>
      </header>
      {data.collapsed && (
        <p className="stage-collapsed-count">
          {data.actionCount} action{data.actionCount === 1 ? "" : "s"}
        </p>
      )}
      {data.actionCount === 0 && !data.collapsed && <p className="stage-empty">Drop an action here</p>}
    </section>
  );
});
