import { describe, expect, it, vi } from "vitest";
import { importIac } from "../../shared/iac";
import { ok, type AppError } from "../../shared/ipc";
import { createAppStore } from "../../renderer/store";
import { iacExportPreview, iacFileName } from "../../renderer/store/iac-slice";
import { fakeApi, sampleDocument } from "./support/fake-api";

function setup() {
  const { api, client } = fakeApi();
  const confirm = vi.fn(() => true);
  const store = createAppStore({ api: client, confirm, newId: () => "id" });
  return { api, store, confirm };
}

const TEMPLATE = `Resources:
  P:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: web
      RoleArn: !GetAtt Role.Arn
      ArtifactStore: { Type: S3, Location: bucket }
      Stages:
        - Name: Source
          Actions:
            - Name: S
              ActionTypeId: { Category: Source, Owner: AWS, Provider: S3, Version: "1" }
              Configuration: { S3Bucket: b, S3ObjectKey: k }
              OutputArtifacts: [{ Name: Out }]
        - Name: Build
          Actions:
            - Name: B
              ActionTypeId: { Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1" }
              Configuration: { ProjectName: p }
              InputArtifacts: [{ Name: Out }]
`;

describe("templates and ownership in the store", () => {
  it("asks which pipeline of a template to open, then opens that one without asking again", async () => {
    const { api, store, confirm } = setup();
    const choose: AppError = {
      code: "choose-resource",
      message: "The template has 2 pipelines; choose the one to open: /t.yaml",
      choices: [
        { id: "A", line: 3 },
        { id: "B", name: "b", line: 9 },
      ],
      file: "/t.yaml",
    };
    api.documents.open.mockResolvedValueOnce({ ok: false, error: choose });
    await store.getState().openRequested("/t.yaml");
    expect(store.getState().resourceChoice).toEqual({ file: "/t.yaml", choices: choose.choices });
    expect(store.getState().error).toBeNull();
    const document = importIac(TEMPLATE).document!;
    api.documents.open.mockResolvedValueOnce(
      ok({
        path: null,
        document,
        version: null,
        diagnostics: [],
        dirty: true,
        importedFrom: { path: "/t.yaml", resource: "B", format: "cfn-yaml" as const },
      }),
    );
    const asked = confirm.mock.calls.length;
    await store.getState().resourceChosen("B");
    expect(api.documents.open).toHaveBeenLastCalledWith({ path: "/t.yaml", resource: "B" });
    expect(confirm.mock.calls.length).toBe(asked);
    expect(store.getState().resourceChoice).toBeNull();
    expect(store.getState().doc?.importedFrom).toEqual({
      path: "/t.yaml",
      resource: "B",
      format: "cfn-yaml",
    });
  });

  it("previews the export in the template's own format and names the download after the template", async () => {
    const { api, store } = setup();
    const document = importIac(TEMPLATE).document!;
    api.documents.open.mockResolvedValueOnce(
      ok({
        path: null,
        document,
        version: null,
        diagnostics: [],
        dirty: true,
        importedFrom: { path: "/repo/pipeline.yaml", resource: "P", format: "cfn-yaml" as const },
      }),
    );
    await store.getState().openRequested("/repo/pipeline.yaml");
    store.getState().iacExportOpened();
    expect(store.getState().iacExport).toMatchObject({ format: "cfn-yaml", pipelineType: "as-is" });
    expect(iacExportPreview(store.getState())?.text).toBe(TEMPLATE);
    expect(iacFileName(store.getState().doc!.document, "cfn-yaml", "/repo/pipeline.yaml")).toBe(
      "pipeline.yaml",
    );
    store.getState().iacExportChanged({ format: "json" });
    expect(iacExportPreview(store.getState())?.diagnostics[0]?.code).toBe("deploy-time-value-not-exportable");
  });

  it("offers the owner's own format for a pipeline a stack or Terraform manages", async () => {
    const { api, store } = setup();
    api.documents.open.mockResolvedValueOnce(
      ok({
        path: null,
        document: sampleDocument(),
        version: null,
        diagnostics: [],
        dirty: true,
        owner: { kind: "tag" as const, name: "terraform", tagKey: "ManagedBy" },
      }),
    );
    await store.getState().openRequested("/x.json");
    store.getState().iacExportOpened();
    expect(store.getState().iacExport?.format).toBe("terraform");
    expect(iacExportPreview(store.getState())?.text).toContain('resource "aws_codepipeline" "sample"');
  });
});
