/**
 * The Fleet view in Chromium (web mode), as issue 17's "done when" asks: three profiles of an AWS
 * config file point at one sandbox with `endpoint_url` (three accounts by their 12-digit access key
 * ids, three regions by the signature), 60 pipelines, six failing, one waiting for approval. The
 * view shows all of them, failed first, then the approval; the approval raises a notification, and
 * approving from it (the notification opens the run's review) lets the run finish. A reload shows
 * the same notification once, not twice.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gateway } from "../../main/aws";
import { RunsService } from "../../main/aws/runs-service";
import { startSandbox, type Sandbox } from "../../main/sandbox";
import { deployFleet, useAwsEnv, writeProfiles, type FleetPipelineSpec, type ProfileFiles } from "../main/fleet/fleet-fixture";
import { waitFor } from "../main/sandbox/harness";
import { launchChromium } from "./support/chromium";
import { useColorScheme } from "./support/screens";
import { startWebHost, type WebHost } from "./support/web-host";

const SCREENSHOT_DIR = join(import.meta.dirname, "..", "..", "out", "e2e");
const PROFILES = [
  { name: "alpha", region: "eu-west-1", accessKeyId: "111111111111" },
  { name: "beta", region: "us-west-2", accessKeyId: "222222222222" },
  { name: "gamma", region: "ap-southeast-2", accessKeyId: "333333333333" },
];

let sandbox: Sandbox;
let files: ProfileFiles;
let restoreEnv: () => void;
let host: WebHost;
let browser: Browser;

/** 20 pipelines per profile: two fail in each, and alpha's `gate` waits for approval. */
function specs(): FleetPipelineSpec[] {
  return PROFILES.flatMap((p) =>
    Array.from({ length: 20 }, (_, i): FleetPipelineSpec => {
      if (p.name === "alpha" && i === 0) return { profile: p.name, name: "gate", fate: "approval" };
      return { profile: p.name, name: `${p.name}-app-${String(i).padStart(2, "0")}`, fate: i % 10 === 3 ? "fail" : "succeed" };
    }),
  );
}

beforeAll(async () => {
  // Real time (speed 1) with one-second actions: the runs end before the fleet first looks, as they
  // would in an account, so their times are in the past of the metrics' period and of the watch.
  const quick = { durationSeconds: 1 };
  sandbox = await startSandbox({
    speed: 1,
    log: () => {},
    scenario: { defaults: { Source: quick, Build: quick, Deploy: quick } },
  });
  files = await writeProfiles(PROFILES.map((p) => ({ ...p, endpoint: sandbox.endpoint })));
  restoreEnv = useAwsEnv(files.env);
  const gateway = new Gateway({ maxAttempts: 1 });
  try {
    await deployFleet(gateway, files, new Map(PROFILES.map((p) => [p.name, sandbox])), specs());
  } finally {
    gateway.dispose();
  }
  // The host inherits the environment: the config file with the three profiles.
  host = await startWebHost();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  restoreEnv?.();
  await sandbox?.close();
  await files?.remove();
});

/** Opens the Fleet view as a user does: the toolbar's Fleet, or the command palette where it has no room. */
async function openFleet(page: Page): Promise<void> {
  const button = page.getByRole("button", { name: "Fleet", exact: true });
  if (await button.isVisible()) {
    await button.click();
    return;
  }
  await page.keyboard.press("Control+Shift+P");
  await page.getByRole("combobox", { name: "Search commands" }).fill("Fleet");
  await page.keyboard.press("Enter");
}

async function openApp(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height }, permissions: ["notifications"] });
  // Records the browser notifications the page shows (the real API, watched, not replaced).
  await page.addInitScript(() => {
    const Real = window.Notification;
    const shown: string[] = [];
    (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
    window.Notification = class extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(title);
      }
    };
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => void d.accept());
  await page.goto(host.url);
  await page.locator('.app[data-ready="true"]').waitFor();
  return { page, errors };
}

const table = (page: Page) => page.getByRole("table", { name: "Pipelines of the fleet" });

/** Each row's status text and name, top to bottom. */
async function rows(page: Page): Promise<{ status: string; name: string; profile: string }[]> {
  return table(page)
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        status: tr.querySelector("td")?.textContent?.replace(/^\S+\s/, "").trim() ?? "",
        name: tr.querySelector("th")?.textContent?.trim() ?? "",
        profile: tr.querySelectorAll("td")[1]?.textContent?.trim() ?? "",
      })),
    );
}

describe("the Fleet view", () => {
  it("shows the 60 pipelines of three profiles, failed first, then the approval, and the approval notifies", async () => {
    const { page, errors } = await openApp(1440, 900);
    await openFleet(page);
    await page.getByRole("region", { name: "Fleet" }).waitFor();
    // 20 calls per second per account-region, so the first full read takes seconds, not a minute.
    await page.getByRole("combobox", { name: /Calls per account-region/ }).selectOption("20");
    const summary = page.getByRole("status", { name: "Fleet summary" });
    await expect
      .poll(() => summary.textContent(), { timeout: 60_000 })
      .toBe("60 pipelines · 6 failed · 1 waiting for approval");
    await expect.poll(async () => (await rows(page)).filter((r) => r.status === "Never ran").length, { timeout: 30_000 }).toBe(0);

    const shown = await rows(page);
    expect(shown).toHaveLength(60);
    expect(shown.slice(0, 6).map((r) => r.status)).toEqual(Array(6).fill("Failed"));
    expect(shown.slice(0, 6).map((r) => r.name).sort()).toEqual(
      ["alpha-app-03", "alpha-app-13", "beta-app-03", "beta-app-13", "gamma-app-03", "gamma-app-13"],
    );
    expect(shown[6]).toEqual({ status: "InProgress", name: "gate", profile: "alpha" });
    expect(shown.slice(7).every((r) => r.status === "Succeeded")).toBe(true);
    // Accounts come from the access keys, regions from the profiles.
    const gamma = table(page).getByRole("row", { name: /gamma-app-00/ });
    await expect.poll(() => gamma.textContent()).toContain("333333333333");
    await expect.poll(() => gamma.textContent()).toContain("ap-southeast-2");

    // Filters: text, then status.
    await page.getByRole("searchbox", { name: "Filter by text" }).fill("beta");
    await expect.poll(async () => (await rows(page)).length).toBe(20);
    await page.getByRole("combobox", { name: "Status" }).selectOption("failed");
    await expect.poll(async () => (await rows(page)).map((r) => r.name)).toEqual(expect.arrayContaining(["beta-app-03", "beta-app-13"]));
    expect((await rows(page)).length).toBe(2);
    await page.getByRole("searchbox", { name: "Filter by text" }).fill("");
    await page.getByRole("combobox", { name: "Status" }).selectOption("");

    // Delivery metrics of a failed pipeline: one run, failed.
    await table(page).getByRole("row", { name: /alpha-app-03/ }).click();
    const metrics = page.getByRole("complementary", { name: "Delivery metrics of alpha-app-03" });
    await expect.poll(() => metrics.textContent(), { timeout: 20_000 }).toContain("1 (0 succeeded, 1 failed)");
    expect(await metrics.textContent()).toContain("100%");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "fleet-1440x900-light.png") });

    // The approval notified (the in-app list; failures from before the fleet watched do not).
    const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
    await expect.poll(() => bell.getAttribute("aria-label"), { timeout: 20_000 }).toBe("Notifications, 1 unread");
    await bell.click();
    const list = page.getByRole("region", { name: "Notifications" });
    await expect.poll(() => list.textContent()).toContain("gate: waiting for your approval");
    // Web mode shows it as a browser notification too.
    expect(await page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications)).toEqual([
      "gate: waiting for your approval",
    ]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "fleet-notifications.png") });
    await list.getByRole("button", { name: "Review approval" }).click();

    // The notification opened the pipeline in the designer with its runs and the approval to answer.
    await page.getByRole("region", { name: "Stage Approve" }).waitFor();
    // The runs tab opened with the approval; its review dialog answers it.
    const reviewButton = page.getByRole("button", { name: "Review Review" });
    await reviewButton.waitFor({ timeout: 30_000 });
    await reviewButton.click();
    const review = page.getByRole("dialog", { name: "Review Approve/Review" });
    await review.getByRole("button", { name: "Approve", exact: true }).click();
    await review.waitFor({ state: "detached" });
    const runs = new RunsService(new Gateway({ maxAttempts: 1 }));
    await waitFor(
      "gate's run to finish after the approval",
      async () => {
        const page1 = await runs.listRuns(files.connection("alpha"), "gate", { pageSize: 1 });
        return page1.ok && page1.value.summaries[0]?.status === "Succeeded" ? true : undefined;
      },
      30_000,
    );
    expect(await bell.getAttribute("aria-label")).toBe("Notifications, 0 unread");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the same notification after a reload, once", async () => {
    const { page } = await openApp(1440, 900);
    await page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
    const list = page.getByRole("region", { name: "Notifications" });
    await expect.poll(() => list.getByRole("listitem").count()).toBe(1);
    await page.close();
  });

  it("fits 1024×700 and 1440×900, light and dark (screenshots)", async () => {
    for (const [width, height] of [
      [1024, 700],
      [1440, 900],
    ] as const) {
      for (const theme of ["light", "dark"] as const) {
        const { page } = await openApp(width, height);
        await useColorScheme(page, theme);
        await openFleet(page);
        await expect.poll(async () => (await rows(page)).length, { timeout: 30_000 }).toBe(60);
        await table(page).getByRole("row", { name: /beta-app-03/ }).click();
        await page.getByRole("complementary", { name: "Delivery metrics of beta-app-03" }).getByText("Deployments per day", { exact: true }).waitFor();
        await page.screenshot({ path: join(SCREENSHOT_DIR, `fleet-${width}x${height}-${theme}.png`) });
        await page.close();
      }
    }
  });
});
