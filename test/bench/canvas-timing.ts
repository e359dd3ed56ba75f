/**
 * In-page timing for the canvas benches, the same for the designer and for bare React Flow: every
 * time is performance.now() in the page, from the event that started the work to the end of the
 * first frame painted after it (requestAnimationFrame, then a posted message, which runs once that
 * frame has been produced), so nothing is rounded to frame counts.
 */
import type { Page } from "playwright-core";

// Page scripts are strings: tsx names inner functions with a helper the page does not have.

/**
 * Clicks `selector` and resolves to { ms, nodes, edges }: the time from the click to the frame
 * painted after the canvas last changed (nodes added, measured, shown), and what it then shows.
 * The canvas counts as done once it has not changed for `quietMs`.
 */
const FIRST_PAINT = (selector: string, quietMs: number) => `new Promise((resolve) => {
  const start = performance.now();
  let changedAt = start;
  let paintedAt = start;
  let timer;
  const visible = (el) => getComputedStyle(el).visibility !== "hidden";
  const finish = () => {
    observer.disconnect();
    const nodes = [...document.querySelectorAll(".react-flow__viewport .react-flow__node")].filter(visible).length;
    const edges = document.querySelectorAll(".react-flow__viewport .react-flow__edge").length;
    resolve({ ms: paintedAt - start, nodes, edges });
  };
  const changed = () => {
    const at = (changedAt = performance.now());
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { if (at === changedAt) paintedAt = performance.now(); };
      channel.port2.postMessage(null);
    });
    clearTimeout(timer);
    timer = setTimeout(finish, ${quietMs});
  };
  const inCanvas = (node) =>
    node instanceof Element && (node.closest(".react-flow__viewport") !== null || node.querySelector(".react-flow__node") !== null);
  const observer = new MutationObserver((records) => {
    if (records.some((r) => inCanvas(r.target) || [...r.addedNodes].some(inCanvas))) changed();
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["style", "class"] });
  timer = setTimeout(finish, ${quietMs} * 10);
  document.querySelector(${JSON.stringify(selector)}).click();
})`;

/** The result of a first render. */
export interface FirstPaint {
  ms: number;
  nodes: number;
  edges: number;
}

export function timeFirstPaint(page: Page, selector: string, quietMs = 800): Promise<FirstPaint> {
  return page.evaluate<FirstPaint>(FIRST_PAINT(selector, quietMs));
}

const INSTALL = `(() => {
  window.inputLatencies = [];
  for (const type of ["pointermove", "wheel"]) {
    document.addEventListener(type, (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.inputLatencies.push(performance.now() - start);
        channel.port2.postMessage(null);
      });
    }, { capture: true, passive: true });
  }
})()`;

const waitForSamples = (n: number) => `new Promise((resolve) => {
  const check = () => (window.inputLatencies.length >= ${n} ? resolve(window.inputLatencies.length) : setTimeout(check, 2));
  check();
})`;

/** Records, for every pointermove and wheel event, the time from the event to the frame painted after it. */
export async function installInputTiming(page: Page): Promise<void> {
  await page.evaluate(INSTALL);
}

async function samples(page: Page): Promise<number[]> {
  return page.evaluate<number[]>("window.inputLatencies.slice()");
}

/** Runs `step(i)` `count` times, each waited for until the frame after its event is painted. */
async function timed(page: Page, count: number, step: (i: number) => Promise<void>): Promise<number[]> {
  const before = (await samples(page)).length;
  for (let i = 0; i < count; i++) {
    const have = (await samples(page)).length;
    await step(i);
    await page.evaluate(waitForSamples(have + 1));
  }
  return (await samples(page)).slice(before);
}

/** A point of the canvas where the pane itself is under the pointer (so a drag pans). */
export async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const box = document.querySelector(".react-flow").getBoundingClientRect();
    for (let y = box.bottom - 12; y > box.top + 12; y -= 16)
      for (let x = box.left + box.width / 2; x < box.right - 12; x += 16) {
        const hit = document.elementFromPoint(x, y);
        if (hit && hit.classList.contains("react-flow__pane")) return { x, y };
      }
    return null;
  })()`);
  if (point === null) throw new Error("no empty spot of the canvas to pan from");
  return point;
}

/** Drags the pane from `from` by `dx` per step: a pan. */
export async function pan(
  page: Page,
  from: { x: number; y: number },
  steps: number,
  dx: number,
): Promise<number[]> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const latencies = await timed(page, steps, (i) => page.mouse.move(from.x + (i + 1) * dx, from.y));
  await page.mouse.up();
  return latencies;
}

/** Wheel ticks at `at`: in, then out again. */
export async function zoom(page: Page, at: { x: number; y: number }, ticks: number): Promise<number[]> {
  await page.mouse.move(at.x, at.y);
  return timed(page, ticks * 2, (i) => page.mouse.wheel(0, i < ticks ? -100 : 100));
}

/** Drags the centre of `selector`'s first match across the canvas. */
export async function dragNode(page: Page, selector: string, steps: number): Promise<number[]> {
  const box = await page.locator(selector).first().boundingBox();
  if (box === null) throw new Error(`nothing to drag: ${selector}`);
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const latencies = await timed(page, steps, (i) =>
    page.mouse.move(start.x + (i + 1) * 8, start.y + Math.sin(((i + 1) / steps) * Math.PI) * 80),
  );
  await page.keyboard.press("Escape");
  await page.mouse.up();
  return latencies;
}

/** React Flow's viewport as its transform shows it. */
export async function viewportOf(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const transform = await page.evaluate<string>(
    `document.querySelector(".react-flow__viewport").style.transform`,
  );
  const match = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(transform);
  if (match === null) throw new Error(`unexpected viewport transform: ${transform}`);
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

/** Nodes and edges the canvas shows now. */
export async function drawn(page: Page): Promise<{ nodes: number; edges: number }> {
  return page.evaluate<{ nodes: number; edges: number }>(`({
    nodes: [...document.querySelectorAll(".react-flow__viewport .react-flow__node")].filter((el) => getComputedStyle(el).visibility !== "hidden").length,
    edges: document.querySelectorAll(".react-flow__viewport .react-flow__edge").length,
  })`);
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
