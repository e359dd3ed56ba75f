/**
 * The canvas at a 13-inch laptop's size (1024 x 700): fitted, every action and stage name is drawn
 * at a readable size (the nodes' simplified form, not 8-pixel text); while an action is dragged
 * from the palette, the places it may go are highlighted and no other, and a refused spot says why;
 * rehearse mode's tab docks below the canvas like the others and the page still fits.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/chromium";
import {
  centreOf,
  newFromTemplate,
  openDesigner,
  paletteItem,
  toolbarCommand,
} from "./support/designer-page";
import { axeViolations, fullyVisible, pageOverflow, SIZES, useColorScheme } from "./support/screens";
import { startWebHost, type WebHost } from "./support/web-host";

let host: WebHost;
let browser: Browser;

beforeAll(async () => {
  host = await startWebHost();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const TEMPLATE = "S3, CodeBuild, CloudFormation with approval";

async function openAtLaptopSize(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openDesigner(browser, host.url);
  await opened.page.setViewportSize(SIZES[0]);
  await newFromTemplate(opened.page, TEMPLATE);
  return opened;
}

/** The size text is drawn at on screen: its font size times the canvas's scale. */
function drawnSizes(page: Page, selector: string): Promise<{ text: string; px: number }[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const box = el.getBoundingClientRect();
      const scale = (el as HTMLElement).offsetHeight > 0 ? box.height / (el as HTMLElement).offsetHeight : 0;
      return { text: el.textContent ?? "", px: parseFloat(getComputedStyle(el).fontSize) * scale };
    }),
  );
}

/** Presses on a palette item and moves (without releasing) to `to`, as a drag in progress. */
async function startDragging(page: Page, item: Locator, to: { x: number; y: number }): Promise<void> {
  const start = await centreOf(item);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 6, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
}

/** The drop zones drawn now, as boxes on the page. */
async function zoneBoxes(page: Page): Promise<{ x: number; y: number; width: number; height: number }[]> {
  const zones = page.getByTestId("drop-zone");
  const boxes = [];
  for (let i = 0; i < (await zones.count()); i++) {
    const box = await zones.nth(i).boundingBox();
    if (box !== null) boxes.push(box);
  }
  return boxes;
}

describe("the canvas at 1024 x 700", () => {
  it("draws every name at a readable size when the pipeline is fitted", async () => {
    const { page, errors } = await openAtLaptopSize();
    await page.locator(".react-flow__controls-fitview").click();
    // Fitted, the canvas is far out: the nodes show their simplified form.
    await page.locator(".flow.is-far").waitFor();
    const names = await drawnSizes(page, ".action-node .action-name");
    const titles = await drawnSizes(page, ".stage-title");
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(titles.length).toBeGreaterThanOrEqual(4);
    // 11 px is the smallest type the app draws anywhere else; unsimplified, fit draws names at ~7 px.
    for (const { text, px } of [...names, ...titles])
      expect(px, `"${text}" at ${px} px`).toBeGreaterThanOrEqual(11);
    // The details the simplified form leaves out are hidden, not drawn too small to read.
    expect(await page.locator(".action-node .action-meta").first().isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("highlights where a dragged action may go, and only there; a refused spot says why", async () => {
    const { page, errors } = await openAtLaptopSize();
    const source = page.getByRole("region", { name: "Stage Source" });
    const sourceBox = await source.boundingBox();
    if (sourceBox === null) throw new Error("no Source lane");
    const inSource = (z: { x: number; width: number }) =>
      z.x + z.width / 2 >= sourceBox.x && z.x + z.width / 2 <= sourceBox.x + sourceBox.width;

    // A build action may go in any stage but the first (the source stage), or in a new stage.
    await startDragging(page, paletteItem(page, "Build", "CodeBuild"), await centreOf(source));
    const buildZones = await zoneBoxes(page);
    expect(buildZones.length).toBeGreaterThan(1);
    expect(buildZones.filter(inSource)).toEqual([]);
    // Over the source stage it is refused, and the canvas says why.
    await expect
      .poll(() =>
        page.getByRole("status").filter({ hasText: "The first stage holds only source actions" }).count(),
      )
      .toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await page.mouse.up();
    expect(await page.getByTestId("drop-zone").count()).toBe(0);

    // A source action may go only in the first stage: every zone is in the Source lane.
    await startDragging(page, paletteItem(page, "Source", "CodeCommit"), await centreOf(source));
    const sourceZones = await zoneBoxes(page);
    expect(sourceZones.length).toBeGreaterThan(0);
    expect(sourceZones.filter((z) => !inSource(z))).toEqual([]);
    await page.mouse.up();
    expect(await page.getByTestId("drop-zone").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("docks rehearse mode's tab below the canvas: the page fits, canvas and inspector stay whole, axe passes", async () => {
    const { page, errors } = await openAtLaptopSize();
    await toolbarCommand(page, "Rehearse");
    const outcome = page.getByRole("status", { name: "Rehearsal outcome" });
    await expect.poll(() => outcome.textContent()).toContain("Succeeded");
    expect(await pageOverflow(page)).toEqual({ x: 0, y: 0 });
    for (const area of [
      page.getByRole("main", { name: "Canvas" }),
      page.getByRole("complementary", { name: "Inspector" }),
      page.getByRole("tabpanel"),
    ])
      expect(await fullyVisible(page, area)).toBe(true);
    // The tab's content wraps to its width: nothing in it scrolls sideways.
    const sideways = await page.locator(".rehearse-panel").evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(sideways).toBe(0);
    for (const scheme of ["light", "dark"] as const) {
      await useColorScheme(page, scheme);
      expect(await axeViolations(page), scheme).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
