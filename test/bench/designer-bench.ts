/**
 * Designer benchmark in Chromium: the 500-action pipeline in the designer beside bare React Flow
 * drawing the same nodes and edges (layout() of the same document), in one run, on equal work:
 * - first render: a click (the designer's "Open file"; the bare page's "Render", its data already
 *   loaded) to the frame painted after the canvas last changed, each side at the viewport the
 *   designer opens on, in a canvas of the designer's size, with the same virtualization, so both
 *   paint the same nodes (their counts are printed); rounds alternate between the two sides;
 * - pan (a drag of the empty pane), zoom (wheel ticks in and out) and a node drag (the designer's
 *   move of an action; React Flow's own node drag), at the viewport "fit view" gives the designer:
 *   each input event to the frame painted after it, one event at a time.
 * Times are performance.now() in the page (canvas-timing.ts). Printed with targets; never asserted.
 */
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import react from "@vitejs/plugin-react";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { ensureRendererBuilt, PROJECT_ROOT } from "../../main/host/renderer-build";
import { layout } from "../../shared/layout";
import { launchChromium } from "../e2e/support/chromium";
import { startWebHost, type WebHost } from "../e2e/support/web-host";
import { serveBenchPage } from "./bench-page-server";
import {
  dragNode,
  drawn,
  emptyPanePoint,
  installInputTiming,
  median,
  pan,
  percentile,
  timeFirstPaint,
  viewportOf,
  zoom,
  type FirstPaint,
} from "./canvas-timing";
import { generatePipeline } from "./generate";
import { atMost, record } from "./report";

const ACTIONS = 500;
const ROUNDS = 3;
const STEPS = 40;
const ZOOM_TICKS = 10;
/** The designer's canvas virtualizes above this many nodes (renderer/canvas/FlowCanvas.tsx). */
const VIRTUALIZE_ABOVE = 300;
const TARGET_FIRST = 1.1;
const TARGET_PAN = 1.2;
const BARE_OUT = join(PROJECT_ROOT, "out", "bench", "bare-flow");
const VIEW = { width: 1400, height: 900 };

interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

interface Interaction {
  pan: number[];
  zoom: number[];
  drag: number[];
  shown: { nodes: number; edges: number };
}

async function openDesigner(
  browser: Browser,
  host: WebHost,
  file: string,
): Promise<{ page: Page; first: FirstPaint }> {
  const page = await browser.newPage({ viewport: VIEW });
  await page.goto(host.url);
  await page.locator('.app[data-ready="true"]').waitFor();
  await page.getByRole("button", { name: "Open", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Open a pipeline file" });
  await dialog.getByLabel("File path").fill(file);
  await dialog
    .getByRole("button", { name: "Open file" })
    .evaluate((el) => el.setAttribute("data-bench-click", ""));
  const first = await timeFirstPaint(page, "[data-bench-click]");
  return { page, first };
}

/** Pan, zoom and drag, measured the same way on either side. */
async function interact(page: Page, nodeSelector: string): Promise<Interaction> {
  await installInputTiming(page);
  const shown = await drawn(page);
  const from = await emptyPanePoint(page);
  const panned = await pan(page, from, STEPS, -6);
  // Back to where it was, so the zoom and the drag see the same nodes.
  await pan(page, { x: from.x - STEPS * 6, y: from.y }, STEPS, 6);
  const box = (await page.locator(".react-flow").boundingBox())!;
  const zoomed = await zoom(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, ZOOM_TICKS);
  const dragged = await dragNode(page, nodeSelector, STEPS);
  return { pan: panned, zoom: zoomed, drag: dragged, shown };
}

async function bareData(viewport: Viewport, size: { width: number; height: number }): Promise<string> {
  const laid = layout(generatePipeline(ACTIONS));
  return JSON.stringify({
    nodes: laid.nodes.map((n) => ({
      id: n.id,
      position: n.position,
      width: n.width,
      height: n.height,
      style: { width: n.width, height: n.height },
      data: { label: n.type === "action" || n.type === "stage" ? n.data.name : "" },
      ...(n.type === "action" ? { parentId: n.parentId } : {}),
      ...(n.type === "stage" ? { type: "group" } : {}),
    })),
    edges: laid.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
    viewport,
    size,
    virtualizeAbove: VIRTUALIZE_ABOVE,
  });
}

async function openBare(
  browser: Browser,
  url: string,
  size: { width: number; height: number },
): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEW });
  await page.goto(url);
  await page.evaluate(
    `(() => { const root = document.getElementById("root"); root.style.width = "${size.width}px"; root.style.height = "${size.height}px"; })()`,
  );
  await page.getByRole("button", { name: "Render" }).waitFor();
  return page;
}

/** The viewport once it has stopped moving (fit view may animate). */
async function settledViewport(page: Page): Promise<Viewport> {
  let last = "";
  for (let same = 0; same < 3;) {
    await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => resolve(null)))");
    const now = JSON.stringify(await viewportOf(page));
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return JSON.parse(last) as Viewport;
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}x`;
}

/** Runs the designer bench and prints its numbers beside the targets. */
export async function runDesignerBench(): Promise<void> {
  await ensureRendererBuilt();
  await build({
    root: join(PROJECT_ROOT, "test", "bench", "bare-flow"),
    base: "./",
    logLevel: "warn",
    plugins: [react()],
    build: { outDir: BARE_OUT, emptyOutDir: true, chunkSizeWarningLimit: 8192 },
  });
  const browser = await launchChromium();
  const host = await startWebHost();
  const servers: { close(): void }[] = [];
  try {
    const pipeline = generatePipeline(ACTIONS);
    const laid = layout(pipeline);
    const file = join(host.workDir, "large.pipeline.json");
    await writeFile(file, `${JSON.stringify({ pipeline }, null, 2)}\n`);

    // The designer first: its canvas size and the viewports it shows are what the bare page copies.
    const { page: probe } = await openDesigner(browser, host, file);
    const canvas = (await probe.locator(".react-flow").boundingBox())!;
    const size = { width: Math.round(canvas.width), height: Math.round(canvas.height) };
    const initial = await viewportOf(probe);
    await probe.close();

    const firstServer = await serveBenchPage(BARE_OUT, await bareData(initial, size));
    servers.push(firstServer.server);
    const designerFirst: FirstPaint[] = [];
    const bareFirst: FirstPaint[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const opened = await openDesigner(browser, host, file);
      designerFirst.push(opened.first);
      await opened.page.close();
      const bare = await openBare(browser, firstServer.url, size);
      bareFirst.push(await timeFirstPaint(bare, "button"));
      await bare.close();
    }

    const { page } = await openDesigner(browser, host, file);
    await page.locator(".react-flow__controls-fitview").click();
    const fit = await settledViewport(page);
    const designer = await interact(page, ".action-node");
    await page.close();
    const fitServer = await serveBenchPage(BARE_OUT, await bareData(fit, size));
    servers.push(fitServer.server);
    const barePage = await openBare(browser, fitServer.url, size);
    await timeFirstPaint(barePage, "button");
    const bare = await interact(barePage, ".react-flow__node-default");
    await barePage.close();

    const d = median(designerFirst.map((f) => f.ms));
    const b = median(bareFirst.map((f) => f.ms));
    console.log(
      `\n# Designer: ${ACTIONS} actions (${laid.nodes.length} nodes, ${laid.edges.length} edges) beside bare React Flow, Chromium, canvas ${size.width}x${size.height}`,
    );
    console.log(
      `  first render      designer ${d.toFixed(0)} ms | bare ${b.toFixed(0)} ms | ${ratio(d, b)} (target <= ${TARGET_FIRST}x; median of ${ROUNDS} alternating rounds)`,
    );
    console.log(
      `    painted         designer ${designerFirst[0]?.nodes} nodes, ${designerFirst[0]?.edges} edges | bare ${bareFirst[0]?.nodes} nodes, ${bareFirst[0]?.edges} edges`,
    );
    console.log(
      `  at "fit view" (zoom ${fit.zoom.toFixed(2)}): designer shows ${designer.shown.nodes} nodes, ${designer.shown.edges} edges | bare ${bare.shown.nodes} nodes, ${bare.shown.edges} edges`,
    );
    const rows: [string, number[], number[], number | undefined][] = [
      ["pan", designer.pan, bare.pan, TARGET_PAN],
      ["zoom", designer.zoom, bare.zoom, TARGET_PAN],
      ["drag a node", designer.drag, bare.drag, undefined],
    ];
    for (const [what, ds, bs, target] of rows) {
      const dp = percentile(ds, 95);
      const bp = percentile(bs, 95);
      console.log(
        `  ${what.padEnd(16)}  p95 designer ${dp.toFixed(1)} ms | bare ${bp.toFixed(1)} ms | ${ratio(dp, bp)}${target ? ` (target <= ${target}x)` : ""}; median ${median(ds).toFixed(1)} | ${median(bs).toFixed(1)} ms; ${ds.length} | ${bs.length} events`,
      );
      record({
        name: `canvas ${what}, ${ACTIONS} actions: input to paint p95`,
        value: dp / bp,
        unit: "x bare React Flow",
        ...(target === undefined ? {} : { target: `<= ${target}x`, met: atMost(dp / bp, target) }),
        method: `each ${what === "zoom" ? "wheel" : "pointermove"} event's timeStamp to the end of the next painted frame (performance.now() in the page), one event at a time, ${ds.length} events per side; designer ${dp.toFixed(1)} ms, bare ${bp.toFixed(1)} ms; designer ${designer.shown.nodes} nodes shown, bare ${bare.shown.nodes}`,
      });
    }
    record({
      name: `first render, ${ACTIONS} actions: click to all visible nodes painted`,
      value: d / b,
      unit: "x bare React Flow",
      target: `<= ${TARGET_FIRST}x`,
      met: atMost(d / b, TARGET_FIRST),
      method: `click to the frame painted after the canvas last changed (performance.now() in the page), median of ${ROUNDS} alternating rounds; designer ${d.toFixed(0)} ms (opens the file through the host), bare ${b.toFixed(0)} ms (data already loaded); nodes painted: designer ${designerFirst[0]?.nodes}, bare ${bareFirst[0]?.nodes}`,
    });
  } finally {
    for (const server of servers) server.close();
    await host.stop();
    await browser.close();
    await rm(BARE_OUT, { recursive: true, force: true });
  }
}
