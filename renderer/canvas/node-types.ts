import type { NodeTypes } from "@xyflow/react";
import { ActionNode } from "./ActionNode";
import { StageNode } from "./StageNode";
import { TransitionNode } from "./TransitionNode";

/** At module scope, so React Flow never sees a new object and never remounts the nodes. */
export const NODE_TYPES: NodeTypes = { stage: StageNode, action: ActionNode, transition: TransitionNode };
