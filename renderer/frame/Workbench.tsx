import { useEffect, useRef } from "react";
import { Group, Panel, Separator, type Layout, type PanelImperativeHandle } from "react-resizable-panels";
import { DragProvider } from "../canvas/drag-context";
import { BottomPanel } from "../panels/BottomPanel";
import { CanvasArea } from "../panels/CanvasArea";
import { InspectorPanel } from "../panels/InspectorPanel";
import { PalettePanel } from "../panels/PalettePanel";
import { useAppStore, type DockPanel } from "../store";

/** Height of the bottom panel's tab bar: what stays of the panel when it is collapsed. */
export const BOTTOM_BAR_PX = 34;

/**
 * Keeps a collapsible panel in step with the store: the store's `panels` flag collapses or expands
 * it (toolbar toggles, commands), and a drag that collapses or expands it updates the flag.
 */
function useDocked(panel: DockPanel, firstSize?: string) {
  const ref = useRef<PanelImperativeHandle | null>(null);
  const open = useAppStore((s) => s.panels[panel]);
  const toggled = useAppStore((s) => s.panelToggled);
  const grown = useRef(false);
  useEffect(() => {
    const handle = ref.current;
    if (handle === null) return;
    if (open && handle.isCollapsed()) {
      handle.expand();
      // A panel that starts collapsed has no size to go back to: the first time, give it room.
      if (firstSize !== undefined && !grown.current) handle.resize(firstSize);
    }
    if (!open && !handle.isCollapsed()) handle.collapse();
    if (open) grown.current = true;
  }, [open, firstSize]);
  const onResize = () => {
    const handle = ref.current;
    if (handle !== null && handle.isCollapsed() === open) toggled(panel, !handle.isCollapsed());
  };
  return { panelRef: ref, onResize };
}

function useRemembered(group: string) {
  const saved = useAppStore((s) => s.settings.panelLayout[group]);
  const changed = useAppStore((s) => s.panelLayoutChanged);
  // Read once: the group owns its sizes after it mounts.
  const initial = useRef(saved);
  return {
    defaultLayout: initial.current as Layout | undefined,
    onLayoutChanged: (layout: Layout, meta: { isUserInteraction: boolean }) => {
      if (meta.isUserInteraction) changed(group, layout);
    },
  };
}

/**
 * The window below the toolbar: palette, canvas and inspector side by side over the bottom panel
 * (problems, JSON, runs). Every border between them can be dragged, sizes are remembered in the
 * settings, and the palette, inspector and bottom panel collapse (the toolbar's toggles bring them
 * back). Panels dock, so nothing is ever drawn over the canvas, and the page itself never scrolls:
 * each panel scrolls inside itself.
 */
export function Workbench() {
  const palette = useDocked("palette");
  const inspector = useDocked("inspector");
  const bottom = useDocked("bottom", "42%");
  const rows = useRemembered("frame-rows");
  const columns = useRemembered("frame-columns");
  return (
    <DragProvider>
      <Group orientation="vertical" id="frame-rows" className="workbench" {...rows}>
        <Panel id="workspace-pane" minSize={160}>
          <Group orientation="horizontal" id="frame-columns" className="workspace" {...columns}>
            <Panel
              id="palette-pane"
              defaultSize={210}
              minSize={170}
              maxSize="35%"
              collapsible
              collapsedSize={0}
              groupResizeBehavior="preserve-pixel-size"
              {...palette}
            >
              <PalettePanel />
            </Panel>
            <Separator className="separator" aria-label="Resize the palette" />
            <Panel id="canvas-pane" minSize={300}>
              <CanvasArea />
            </Panel>
            <Separator className="separator" aria-label="Resize the inspector" />
            <Panel
              id="inspector-pane"
              defaultSize={300}
              minSize={240}
              maxSize="45%"
              collapsible
              collapsedSize={0}
              groupResizeBehavior="preserve-pixel-size"
              {...inspector}
            >
              <InspectorPanel />
            </Panel>
          </Group>
        </Panel>
        <Separator className="separator separator-rows" aria-label="Resize the bottom panel" />
        <Panel
          id="bottom-pane"
          defaultSize={BOTTOM_BAR_PX}
          minSize={140}
          maxSize="75%"
          collapsible
          collapsedSize={BOTTOM_BAR_PX}
          groupResizeBehavior="preserve-pixel-size"
          {...bottom}
        >
          <BottomPanel />
        </Panel>
      </Group>
    </DragProvider>
  );
}
