import type { Node, NodeProps } from "@xyflow/react";
import { ArrowRight } from "lucide-react";
import { memo } from "react";
import type { TransitionNodeData } from "../../shared/layout";

/** A React Flow node for the transition marker between two stages. */
export type TransitionFlowNode = Node<TransitionNodeData & Record<string, unknown>, "transition">;

/** The arrow into a stage: runs move on through it once the previous stage succeeds. */
export const TransitionNode = memo(function TransitionNode({ data }: NodeProps<TransitionFlowNode>) {
  return (
    <div className="transition-marker" role="img" aria-label={`Transition into ${data.stageName}`}>
      <ArrowRight aria-hidden="true" size={14} />
    </div>
  );
});
