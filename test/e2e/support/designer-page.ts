import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser, Locator, Page } from "playwright-core";

const ROOT = join(import.meta.dirname, "..", "..", "..");

/** A page of the app with its browser-side errors collected (CSP violations, uncaught errors). */
export async function openDesigner(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(url);
  await page.locator('.app[data-ready="true"]').waitFor();
  return { page, errors };
}

/** New from a template, by its title. */
export async function newFromTemplate(page: Page, title: string): Promise<void> {
  await page.getByRole("button", { name: "New", exact: true }).click();
  await page.getByRole("dialog", { name: "New pipeline" }).getByRole("button", { name: title }).click();
  await page.getByRole("dialog", { name: "New pipeline" }).waitFor({ state: "detached" });
}

/** The centre of an element, scrolled into view first. */
export async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (box === null) throw new Error("the element has no box");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real mouse drag: press on `from`, move in steps, release at `to`. */
export async function drag(page: Page, from: Locator, to: { x: number; y: number } | Locator): Promise<void> {
  const start = await centreOf(from);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 6, { steps: 3 });
  const end = "x" in to ? to : await centreOf(to);
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
}

/** A point in the gap after a stage lane, where a drop makes a new stage. */
export async function afterStage(page: Page, name: string): Promise<{ x: number; y: number }> {
  const box = await page.getByRole("region", { name: `Stage ${name}` }).boundingBox();
  if (box === null) throw new Error(`no lane for stage ${name}`);
  return { x: box.x + box.width + 10, y: box.y + box.height / 2 };
}

/**
 * A palette item by its provider inside its category group. Items are named by their visible title
 * with the provider after it ("Amazon S3, S3"; "… V2, …" for V2-only types).
 */
export function paletteItem(page: Page, category: string, provider: string): Locator {
  const id = provider.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page
    .getByRole("complementary", { name: "Palette" })
    .getByRole("group", { name: category })
    .getByRole("button", { name: new RegExp(`(^${id}( V2)?|, ${id})$`) });
}

/** Runs `pipewright validate` on a file; resolves with its exit code and output. */
export async function validateWithCli(path: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, "bin", "pipewright.js"), "validate", path],
      { cwd: ROOT },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/**
 * The stage lane an action node is drawn in. React Flow draws nodes as siblings, so membership is
 * where the node is on screen: the "Stage <name>" region whose box holds the action's centre.
 */
export async function stageOf(page: Page, action: string): Promise<string | undefined> {
  const box = await page.getByRole("button", { name: action, exact: true }).boundingBox();
  if (box === null) return undefined;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  for (const lane of await page.getByRole("region", { name: /^Stage / }).all()) {
    const b = await lane.boundingBox();
    if (b !== null && x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height) {
      return (await lane.getAttribute("aria-label"))?.replace(/^Stage /, "");
    }
  }
  return undefined;
}

/**
 * Runs a toolbar command as a user does: its button when the toolbar shows it, else from the menu
 * that holds it (Export, or "More commands" when the window is too narrow for its group).
 */
export async function toolbarCommand(page: Page, name: string): Promise<void> {
  const toolbar = page.getByRole("toolbar", { name: "Document" });
  const button = toolbar.getByRole("button", { name, exact: true });
  if ((await button.count()) > 0 && (await button.isVisible())) {
    await button.click();
    return;
  }
  for (const menu of ["Export", "More commands"]) {
    const opener = toolbar.getByRole("button", { name: menu, exact: true });
    if ((await opener.count()) === 0) continue;
    await opener.click();
    // A toggle (Runs, Rehearse) is a menuitemcheckbox; the others are plain items.
    for (const role of ["menuitem", "menuitemcheckbox"] as const) {
      const item = page.getByRole("menu", { name: menu }).getByRole(role, { name, exact: true });
      if ((await item.count()) > 0) {
        await item.click();
        return;
      }
    }
    await page.keyboard.press("Escape");
  }
  throw new Error(`The toolbar offers no command named ${name}`);
}
