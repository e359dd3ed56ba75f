/**
 * The app's main screens, driven as a user does, for the experience E2E tests and the screenshot
 * script: what fits the window, what is visible, and what axe-core finds.
 */
import axe from "axe-core";
import type { Locator, Page } from "playwright-core";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { threeStagePipeline } from "../../main/sandbox/fixtures";

/** The window sizes every screen is checked (and pictured) at: a 13-inch laptop and a desktop. */
export const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
] as const;

/** One axe-core finding, cut down to what a failure message needs. */
export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (its published build, evaluated in the page) over the whole document and returns
 * the serious and critical violations. The source is evaluated, not added as a script tag, so the
 * app's Content-Security-Policy (script-src 'self') stays as it is.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(axe.source);
  const found = await page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: typeof axe }).axe.run;
    const results = await run(document, { resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "",
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
  });
  return found.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** How far the page itself scrolls beyond the window, sideways and down (0, 0 when it fits). */
export function pageOverflow(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
}

/** True when the element's whole box is inside the window, and it has a size. */
export async function fullyVisible(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (box === null || size === null || box.width < 1 || box.height < 1) return false;
  return (
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= size.width + 0.5 &&
    box.y + box.height <= size.height + 0.5
  );
}

/** True when `inner`'s box lies inside `outer`'s. */
export async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (a === null || b === null) return false;
  return (
    a.x >= b.x - 0.5 &&
    a.y >= b.y - 0.5 &&
    a.x + a.width <= b.x + b.width + 0.5 &&
    a.y + a.height <= b.y + b.height + 0.5
  );
}

/**
 * Light or dark as the system asks for it: the app's theme stays "Follow the system", so a screen
 * (a dialog too) is seen in both without touching it.
 */
export async function useColorScheme(page: Page, scheme: "light" | "dark"): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForFunction(
    (dark) => window.matchMedia("(prefers-color-scheme: dark)").matches === dark,
    scheme === "dark",
  );
}

/**
 * A V2 pipeline with a manual approval that asks something (custom data and a review link), as the
 * experience tests and the screenshots deploy it.
 */
export function reviewPipeline(name: string): PipelineDeclaration {
  const pipeline = threeStagePipeline({ name, approval: {} });
  const approve = pipeline.stages.find((s) => s.name === "Approve")?.actions[0];
  if (approve !== undefined)
    approve.configuration = {
      CustomData: "Check the release notes and the staging site before approving.",
      ExternalEntityLink: "https://console.aws.amazon.com/codesuite/codepipeline/pipelines",
    };
  return { ...pipeline, pipelineType: "V2" };
}

/** The runs tab of the bottom panel (the toolbar's Runs does the same where it has room). */
export async function openRuns(page: Page): Promise<Locator> {
  await page.getByRole("tablist", { name: "Bottom panel" }).getByRole("tab", { name: "Runs" }).click();
  const runs = page.getByRole("region", { name: "Runs", exact: true });
  await runs.waitFor();
  return runs;
}

/** The latest run status the canvas shows for a stage, or null before runs are watched. */
export async function stageStatus(page: Page, stage: string): Promise<string | null> {
  const badge = page.getByRole("status", { name: new RegExp(`^Latest run of stage ${stage}: `) });
  return (await badge.count()) === 0 ? null : badge.getAttribute("aria-label");
}
