import { describe, expect, it } from "vitest";
import { parseDocument, serializeDocument } from "../../../shared/formats";
import { validateDocument } from "../../../shared/validate";
import { createFromTemplate, listTemplates } from "../../../main/documents/templates";

const ids = listTemplates().map((t) => t.id);

describe("templates", () => {
  it("offers the four the shell promises", () => {
    expect(ids).toEqual(["blank-v2", "ecs-service", "s3-cloudformation", "cross-region"]);
  });

  it.each(ids)("%s validates clean", (id) => {
    const doc = createFromTemplate(id);
    expect(doc).toBeDefined();
    expect(validateDocument(doc!)).toEqual([]);
  });

  it.each(ids)("%s survives serialize + parse unchanged", (id) => {
    const doc = createFromTemplate(id)!;
    const reparsed = parseDocument(serializeDocument(doc));
    expect(reparsed.diagnostics).toEqual([]);
    expect(reparsed.document?.envelope).toEqual(doc.envelope);
    expect(reparsed.document?.pipeline).toEqual(doc.pipeline);
  });

  it("builds a fresh object each time, so edits to one document never leak into the next", () => {
    expect(createFromTemplate("blank-v2")).not.toBe(createFromTemplate("blank-v2"));
    expect(createFromTemplate("blank-v2")!.pipeline.stages).not.toBe(
      createFromTemplate("blank-v2")!.pipeline.stages,
    );
    expect(createFromTemplate("no-such")).toBeUndefined();
  });
});
