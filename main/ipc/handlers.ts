import { parseDocument } from "../../shared/formats";
import { fail, ok, type Handlers, type Settings } from "../../shared/ipc";
import { allowedExternalUrl } from "../app/external-links";
import { listTemplates } from "../documents/templates";
import { createAwsHandlers } from "./aws-handlers";
import { createRehearseHandlers } from "./rehearse-handlers";
import { createRunsHandlers } from "./runs-handlers";
import type { AppServices } from "./services";

/**
 * The handler table: one entry per contract channel. `satisfies Handlers` makes a missing or
 * mistyped handler a compile error. Handlers may throw an AppFailure (or anything else); the
 * dispatcher turns every throw into a Result, so nothing escapes across the boundary.
 */
export function createHandlers(s: AppServices) {
  return {
    "app.info": async () => ok(s.info),
    "app.launchFile": async () => {
      const file = s.launchFile;
      s.launchFile = null;
      s.rendererReady = true;
      return ok(file);
    },
    "app.notices": async () => ok(s.notices.splice(0)),
    "app.openExternal": async ({ url }) => {
      const allowed = allowedExternalUrl(url);
      if (allowed === undefined) {
        return fail("url-not-allowed", `Only https links to the AWS console and documentation open: ${url}`);
      }
      await s.openLink(allowed);
      return ok(null);
    },
    "app.documentState": async (state) => {
      s.documentState = state;
      return ok(null);
    },

    "documents.templates": async () => ok(listTemplates()),
    "documents.create": async ({ templateId }) => ok(s.documents.create(templateId)),
    "documents.open": async ({ path, resource }) => ok(await s.documents.open(path, resource)),
    "documents.save": async ({ path, document, expectedVersion, overwrite }) =>
      ok(await s.documents.save(path, document, expectedVersion, overwrite === true)),
    "documents.saveAs": async ({ path, document, overwrite }) =>
      ok(await s.documents.saveAs(path, document, overwrite === true)),
    "documents.recent": async () => ok(await s.recent.list()),
    "documents.watch": async ({ path, version }) => {
      if (path === null) s.watcher.stop();
      else s.watcher.watch(path, version ?? null);
      return ok(null);
    },

    "recovery.list": async () => ok(await s.recovery.list()),
    "recovery.store": async ({ id, path, document }) => ok(await s.recovery.store(id, path, document)),
    "recovery.restore": async ({ id }) => {
      const file = await s.recovery.read(id);
      const parsed = file === undefined ? undefined : parseDocument(file.text);
      if (file === undefined || parsed?.document === undefined) {
        return fail("recovery-not-found", `There is no readable recovery copy with this id: ${id}`);
      }
      return ok({ path: file.path, document: parsed.document, version: null, diagnostics: [], dirty: true });
    },
    "recovery.discard": async ({ id }) => {
      await s.recovery.discard(id);
      return ok(null);
    },

    "settings.get": async () => ok(await s.settings.get()),
    "settings.update": async (patch) => {
      const defined: Partial<Settings> = {};
      if (patch.theme !== undefined) defined.theme = patch.theme;
      if (patch.recentLimit !== undefined) defined.recentLimit = patch.recentLimit;
      if (patch.ownerTagKeys !== undefined) defined.ownerTagKeys = patch.ownerTagKeys;
      return ok(await s.settings.update(defined));
    },

    ...createAwsHandlers(s),
    ...createRunsHandlers(s),
    ...createRehearseHandlers(),
  } satisfies Handlers;
}
