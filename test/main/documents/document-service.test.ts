import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "../../../shared/formats";
import type { PipelineDocument } from "../../../shared/pipeline/model";
import { AppFailure } from "../../../main/documents/fs-errors";
import { versionOf } from "../../../main/documents/document-files";
import { createTestServices, type TestServices } from "./support/services";

let t: TestServices;
beforeEach(async () => {
  t = await createTestServices();
});
afterEach(async () => {
  await t.cleanup();
});

async function failureOf(promise: Promise<unknown>): Promise<AppFailure["appError"]> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppFailure)) throw new Error(`expected an AppFailure, got ${String(error)}`);
  return error.appError;
}

function renamed(doc: PipelineDocument, name: string): PipelineDocument {
  const pipeline = { ...doc.pipeline, name };
  return { ...doc, pipeline };
}

describe("DocumentService", () => {
  it("creates an unsaved document from a template and refuses an unknown template", async () => {
    const created = t.services.documents.create("blank-v2");
    expect(created).toMatchObject({ path: null, version: null, dirty: true });
    expect(created.document.pipeline.pipelineType).toBe("V2");
    expect((await failureOf(Promise.resolve().then(() => t.services.documents.create("nope")))).code).toBe(
      "unknown-template",
    );
  });

  it("saves, then opens the same document with its version, and lists it as recent", async () => {
    const { document } = t.services.documents.create("ecs-service");
    const path = join(t.dir, "app.pipeline.json");
    const saved = await t.services.documents.saveAs(path, document);
    const text = await readFile(path, "utf8");
    expect(saved).toEqual({ path, version: versionOf(text) });
    const opened = await t.services.documents.open(path);
    expect(opened).toMatchObject({ path, version: saved.version, dirty: false });
    expect(opened.document.pipeline).toEqual(document.pipeline);
    expect((await t.services.recent.list()).map((f) => f.path)).toEqual([path]);
  });

  it("refuses a save over a file another program changed, unless told to overwrite", async () => {
    const { document } = t.services.documents.create("blank-v2");
    const path = join(t.dir, "p.pipeline.json");
    const saved = await t.services.documents.saveAs(path, document);
    await writeFile(path, "changed by someone else\n");
    const error = await failureOf(
      t.services.documents.save(path, renamed(document, "mine"), saved.version, false),
    );
    expect(error.code).toBe("changed-on-disk");
    expect(error.message).toMatch(new RegExp(`: ${path}$`));
    expect(await readFile(path, "utf8")).toBe("changed by someone else\n");
    await t.services.documents.save(path, renamed(document, "mine"), saved.version, true);
    expect(JSON.parse(await readFile(path, "utf8")).pipeline.name).toBe("mine");
  });

  it("says why a path cannot be opened: missing, a folder, not a pipeline, not JSON", async () => {
    expect((await failureOf(t.services.documents.open(join(t.dir, "missing.json")))).code).toBe("not-found");
    expect((await failureOf(t.services.documents.open(t.dir))).code).toBe("is-a-directory");
    await writeFile(join(t.dir, "list.json"), "[1, 2]\n");
    const notPipeline = await failureOf(t.services.documents.open(join(t.dir, "list.json")));
    expect(notPipeline.code).toBe("not-a-pipeline");
    expect(notPipeline.details).toMatch(/not-a-pipeline|wrong-type/);
    await writeFile(join(t.dir, "broken.json"), '{"pipeline": ');
    const broken = await failureOf(t.services.documents.open(join(t.dir, "broken.json")));
    expect(broken.code).toBe("not-a-pipeline");
    expect(broken.details).toContain("json-syntax");
  });

  it("says exactly why a file did not open: where the JSON breaks, which member is missing, size and limit, the OS reason", async () => {
    const broken = join(t.dir, "broken.json");
    await writeFile(broken, '{\n  "pipeline": {\n    "name": "p",\n    "stages": [}\n}\n');
    const notJson = await failureOf(t.services.documents.open(broken));
    expect(notJson.message).toMatch(
      new RegExp(`^The file is not valid JSON \\(line 4, column \\d+: .+\\): ${broken}$`),
    );

    const other = join(t.dir, "other.json");
    await writeFile(other, '{"name": "x", "roleArn": "r"}\n');
    const notPipeline = await failureOf(t.services.documents.open(other));
    expect(notPipeline.message).toBe(
      `Not a pipeline file: expected a "pipeline" member (create-pipeline input or get-pipeline output) or a pipeline with "stages"; found members "name", "roleArn": ${other}`,
    );

    const big = join(t.dir, "big.json");
    await writeFile(big, `{"stages": [], "x": "${"a".repeat(MAX_FILE_BYTES)}"}`);
    const tooLarge = await failureOf(t.services.documents.open(big));
    expect(tooLarge.code).toBe("file-too-large");
    expect(tooLarge.message).toBe(
      `The file is too large to open: 5.0 MB (${MAX_FILE_BYTES + 23} bytes), the limit is 5 MB: ${big}`,
    );

    const missing = await failureOf(t.services.documents.open(join(t.dir, "missing.json")));
    expect(missing.message).toBe(
      `The file or its folder does not exist (ENOENT: no such file or directory): ${join(t.dir, "missing.json")}`,
    );
    for (const error of [notJson, notPipeline, tooLarge, missing])
      expect(JSON.stringify(error)).not.toContain("aaaa");
  });

  it("refuses to save a pipeline over the size limit before writing anything, so every saved file opens again", async () => {
    const { document } = t.services.documents.create("blank-v2");
    const path = join(t.dir, "big.pipeline.json");
    const big = { ...document, pipeline: { ...document.pipeline, description: "a".repeat(MAX_FILE_BYTES) } };
    const error = await failureOf(t.services.documents.saveAs(path, big));
    expect(error.code).toBe("file-too-large");
    expect(error.message).toMatch(
      new RegExp(
        `^The pipeline is too large to save: 5\\.0 MB \\(\\d+ bytes\\) as a file, the limit for opening it again is 5 MB: ${path}$`,
      ),
    );
    expect(await readdir(t.dir)).not.toContain("big.pipeline.json");
    expect((await readdir(t.dir)).filter((n) => n.includes("pipewright-save"))).toEqual([]);
    // Just under the limit saves, and opens again.
    const fits = {
      ...document,
      pipeline: { ...document.pipeline, description: "a".repeat(MAX_FILE_BYTES - 2000) },
    };
    await t.services.documents.saveAs(path, fits);
    expect((await t.services.documents.open(path)).document.pipeline).toEqual(fits.pipeline);
  });

  it("reports a failed save and keeps the old file when the target cannot be written", async () => {
    const folderAsFile = join(t.dir, "not-a-folder");
    await writeFile(folderAsFile, "I am a file\n");
    const { document } = t.services.documents.create("blank-v2");
    const error = await failureOf(t.services.documents.saveAs(join(folderAsFile, "p.json"), document));
    expect(error.code).toBe("not-found");
    expect(await readFile(folderAsFile, "utf8")).toBe("I am a file\n");
    // A folder where the file should be: the rename fails, the folder and its content stay.
    const target = join(t.dir, "taken");
    await mkdir(target);
    await writeFile(join(target, "keep.txt"), "keep\n");
    const overFolder = await failureOf(t.services.documents.saveAs(target, document));
    expect(["is-a-directory", "write-failed"]).toContain(overFolder.code);
    expect(await readFile(join(target, "keep.txt"), "utf8")).toBe("keep\n");
    expect((await readdir(t.dir)).filter((n) => n.includes("pipewright-save"))).toEqual([]);
  });

  it("will not let a typed Save As path replace another file unless told to", async () => {
    const { document } = t.services.documents.create("blank-v2");
    const path = join(t.dir, "someone-elses.json");
    await writeFile(path, "keep me\n");
    const error = await failureOf(t.services.documents.saveAs(path, document));
    expect(error).toEqual({ code: "file-exists", message: `A file with this name already exists: ${path}` });
    expect(await readFile(path, "utf8")).toBe("keep me\n");
    await t.services.documents.saveAs(path, document, true);
    expect(JSON.parse(await readFile(path, "utf8")).pipeline.name).toBe(document.pipeline.name);
  });

  it("asks for a typed path when there is no file dialog", async () => {
    const { document } = t.services.documents.create("blank-v2");
    expect((await failureOf(t.services.documents.open(undefined))).code).toBe("path-required");
    expect((await failureOf(t.services.documents.saveAs(undefined, document))).code).toBe("path-required");
  });
});
