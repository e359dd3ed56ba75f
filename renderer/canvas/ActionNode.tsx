import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { ActionNodeData } from "../../shared/layout";
import { useStoreApi } from "../store";
import { CategoryIcon } from "./CategoryIcon";
import { DiagnosticBadge } from "./DiagnosticBadge";
import { ActionRehearsalBadge } from "../rehearse/RehearsalBadge";
import { RunStatusBadge } from "./RunStatusBadge";
import { useDrag } from "./drag-context";

/** A React Flow node holding an action of the layout. */
export type ActionFlowNode = Node<ActionNodeData & Record<string, unknown>, "action">;

/** An action: icon, category, provider, name and a badge for its diagnostics; drag it to move it. */
export const ActionNode = memo(function ActionNode({ data, selected }: NodeProps<ActionFlowNode>) {
  const store = useStoreApi();
  const { startDrag } = useDrag();
  const select = (additive: boolean) => {
    const s = store.getState();
    const current = s.selection;
    if (additive && current.kind === "actions" && current.stage === data.stageIndex) {
      const actions = current.actions.includes(data.actionIndex)
        ? current.actions.filter((a) => a !== data.actionIndex)
        : [...current.actions, data.actionIndex];
      s.selectionChanged({ kind: "actions", stage: data.stageIndex, actions });
      return;
    }
    s.selectionChanged({ kind: "actions", stage: data.stageIndex, actions: [data.actionIndex] });
  };
  return (
    <div
      role="button"
      tabIndex={0}
      aria-label={`${data.name} (${data.provider})`}
      aria-pressed={selected}
      className={`action-node nopan category-${data.known ? data.category : "unknown"}${selected ? " is-selected" : ""}`}
      onPointerDown={(e) => {
        e.stopPropagation();
        const additive = e.shiftKey || e.metaKey || e.ctrlKey;
        startDrag(
          {
            kind: "move-action",
            from: { stage: data.stageIndex, action: data.actionIndex },
            category: data.category,
          },
          `${data.name} (${data.provider})`,
          e,
          () => select(additive),
        );
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          select(false);
        }
      }}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <CategoryIcon category={data.known ? data.category : "unknown"} />
      <div className="action-text">
        <div className="action-meta">
          <span>{data.category}</span>
          <span aria-hidden="true">·</span>
          <span className="action-provider">{data.title}</span>
          {data.v2Only && <span className="v2-tag">V2</span>}
        </div>
        <div className="action-name">{data.name}</div>
        <div className="action-meta">
          {data.inputArtifacts.length > 0 && (
            <span title="Input artifacts">in: {data.inputArtifacts.join(", ")}</span>
          )}
          {data.outputArtifacts.length > 0 && (
            <span title="Output artifacts">out: {data.outputArtifacts.join(", ")}</span>
          )}
        </div>
      </div>
      <DiagnosticBadge counts={data.diagnostics} />
      <RunStatusBadge stageIndex={data.stageIndex} actionName={data.name} selected={selected} />
      <ActionRehearsalBadge
        stageIndex={data.stageIndex}
        actionName={data.name}
        approval={data.category === "Approval"}
      />
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
