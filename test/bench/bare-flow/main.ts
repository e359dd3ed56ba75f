// The baseline for the designer bench: bare React Flow drawing the same nodes and edges (default node
// types, React Flow's own node dragging), so the designer's cost over React Flow itself is visible.
import { ReactFlow, applyNodeChanges, type Edge, type Node, type NodeChange } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { createElement, useCallback, useState } from "react";
import { createRoot } from "react-dom/client";

declare global {
  interface Window {
    benchData: { nodes: Node[]; edges: Edge[] };
  }
}

function Bare() {
  const [nodes, setNodes] = useState(window.benchData.nodes);
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  return createElement(ReactFlow, {
    nodes,
    edges: window.benchData.edges,
    onNodesChange,
    onlyRenderVisibleElements: nodes.length > 300,
    minZoom: 0.05,
    fitView: true,
    fitViewOptions: { maxZoom: 1 },
  });
}

void fetch("./data.json")
  .then((r) => r.json())
  .then((data: Window["benchData"]) => {
    window.benchData = data;
    createRoot(document.getElementById("root")!).render(createElement(Bare));
  });
