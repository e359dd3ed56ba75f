// The baseline for the designer bench: bare React Flow drawing the same nodes and edges (default node
// types, React Flow's own node dragging), so the designer's cost over React Flow itself is visible.
// It renders when its button is clicked (the data is already here), at the viewport the designer
// showed, with the same virtualization, so both sides paint the same nodes.
import {
  ReactFlow,
  applyNodeChanges,
  type Edge,
  type Node,
  type NodeChange,
  type Viewport,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { createElement, useCallback, useState } from "react";
import { createRoot } from "react-dom/client";

interface BenchData {
  nodes: Node[];
  edges: Edge[];
  viewport: Viewport;
  virtualizeAbove: number;
}

function Bare({ data }: { data: BenchData }) {
  const [nodes, setNodes] = useState(data.nodes);
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  return createElement(ReactFlow, {
    nodes,
    edges: data.edges,
    onNodesChange,
    onlyRenderVisibleElements: nodes.length > data.virtualizeAbove,
    minZoom: 0.05,
    maxZoom: 2,
    defaultViewport: data.viewport,
  });
}

void fetch("./data.json")
  .then((r) => r.json())
  .then((data: BenchData) => {
    const button = document.createElement("button");
    button.textContent = "Render";
    button.style.position = "fixed";
    button.style.zIndex = "10";
    document.body.prepend(button);
    button.addEventListener("click", () => {
      button.remove();
      createRoot(document.getElementById("root")!).render(createElement(Bare, { data }));
    });
  });
