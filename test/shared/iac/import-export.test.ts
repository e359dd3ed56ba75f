import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exportPipeline, parseDocument } from "../../../shared/formats";
import { exportIac, importIac } from "../../../shared/iac";
import { KEY_MARK } from "../../../shared/pipeline";
import { updateDocumentPipeline } from "../../../shared/pipeline/document";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { validateDocument } from "../../../shared/validate";

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/iac/${name}`, import.meta.url)), "utf8");
const YAML = fixture("two-pipelines.yaml");
const TF = fixture("pipelines.tf");

function imported(text: string, resource: string, fileName = "template.yaml") {
  const result = importIac(text, { resource, fileName });
  expect(result.diagnostics).toEqual([]);
  return result.document!;
}

function edit(doc: ReturnType<typeof imported>, change: (p: PipelineDeclaration) => void) {
  return updateDocumentPipeline(doc, (p) => {
    const copy = structuredClone(p);
    change(copy);
    return copy;
  });
}

describe("CloudFormation import", () => {
  it("keeps short-form intrinsics in place as their JSON form", () => {
    const doc = imported(YAML, "WebPipeline");
    expect(doc.pipeline.name).toEqual({ "Fn::Sub": "${AWS::StackName}-web" });
    expect(doc.pipeline.roleArn).toEqual({ "Fn::GetAtt": ["PipelineRole", "Arn"] });
    expect(doc.pipeline.artifactStore?.location).toEqual({ Ref: "ArtifactBucket" });
    expect(doc.pipeline.stages[1]?.actions[0]?.configuration?.["ProjectName"]).toEqual({
      "Fn::If": ["IsProd", "web-prod", "web-dev"],
    });
    // YAML's `Version: 1` and `PollForSourceChanges: false` arrive as the strings CloudFormation passes on.
    expect(doc.pipeline.stages[0]?.actions[0]?.actionTypeId.version).toBe("1");
    expect(doc.pipeline.stages[0]?.actions[0]?.configuration?.["PollForSourceChanges"]).toBe("false");
  });

  it("validates intrinsics as resolved at deploy time, never as wrong values", () => {
    const diagnostics = validateDocument(imported(YAML, "WebPipeline"));
    expect(diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(diagnostics.map((d) => d.message)).toContain(
      "Resolved at deploy time by CloudFormation, so it is not checked here: !GetAtt PipelineRole.Arn",
    );
  });

  it("still reports what does not depend on a deploy-time value", () => {
    const doc = edit(imported(YAML, "WebPipeline"), (p) => {
      p.stages[1]!.actions[0]!.inputArtifacts = [{ name: "Missing" }];
    });
    expect(validateDocument(doc).map((d) => d.code)).toContain("artifact-not-found");
  });

  it("reads a JSON template, and points at the line of an unsupported construct", () => {
    const json = JSON.stringify(
      {
        Resources: {
          P: {
            Type: "AWS::CodePipeline::Pipeline",
            Properties: { RoleArn: "arn:aws:iam::111122223333:role/r", Stages: { "Fn::If": ["C", [], []] } },
          },
        },
      },
      null,
      2,
    );
    const result = importIac(json, { fileName: "t.json" });
    expect(result.document).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ code: "template-unsupported", location: { line: 7 } });
    expect(result.diagnostics[0]?.message).toContain(
      "An intrinsic function in place of a list is not supported",
    );
  });

  it("names the line of a YAML error and of an unknown tag", () => {
    const bad = importIac(
      "Resources:\n  P:\n    Type: AWS::CodePipeline::Pipeline\n    Properties: !Foo x\n",
    );
    expect(bad.diagnostics[0]).toMatchObject({ code: "template-syntax", location: { line: 4 } });
    expect(bad.diagnostics[0]?.message).toContain("Unsupported YAML tag");
    const broken = importIac("Resources:\n  P: [unclosed\n");
    expect(broken.diagnostics[0]).toMatchObject({ code: "template-syntax" });
  });

  it("exports an unedited import as the template itself, and an edited value as that value only", () => {
    const doc = imported(YAML, "WebPipeline");
    expect(exportIac(doc, { format: "cfn-yaml" }).text).toBe(YAML);
    const changed = edit(doc, (p) => {
      p.stages[0]!.actions[0]!.configuration!["BranchName"] = "release";
    });
    const text = exportIac(changed, { format: "cfn-yaml" }).text ?? "";
    expect(text).toBe(YAML.replace("BranchName: main", "BranchName: release"));
  });

  it("adds and removes members line by line, in YAML and in JSON", () => {
    const change = (doc: ReturnType<typeof imported>) =>
      edit(doc, (p) => {
        p.stages[1]!.actions[0]!.timeoutInMinutes = 30;
        delete p.stages[0]!.actions[0]!.configuration!["PollForSourceChanges"];
      });
    const yaml = exportIac(change(imported(YAML, "WebPipeline")), { format: "cfn-yaml" }).text;
    expect(yaml).toBe(
      YAML.replace("                PollForSourceChanges: false\n", "").replace(
        "              RunOrder: 1\n",
        "              RunOrder: 1\n              TimeoutInMinutes: 30\n",
      ),
    );
    const json = exportIac(imported(YAML, "WebPipeline"), { format: "cfn-json" }).text ?? "";
    const fromJson = importIac(json, { fileName: "t.json", resource: "WebPipeline" }).document!;
    const patched = exportIac(change(fromJson), { format: "cfn-json" }).text ?? "";
    const removed = json.split("\n").filter((line) => !patched.split("\n").includes(line));
    // The member before a removed last one and before an added one only gain or lose a comma.
    expect(removed.map((l) => l.trim())).toEqual([
      '"BranchName": "main",',
      '"PollForSourceChanges": "false"',
      '"RunOrder": 1',
    ]);
    expect(patched).toContain('"TimeoutInMinutes": 30');
  });
});

describe("Terraform import", () => {
  it("keeps expressions and exports the unedited file byte for byte", () => {
    const doc = imported(TF, "web", "main.tf");
    expect(doc.pipeline.artifactStore?.location).toEqual({ "Terraform::Expression": "var.artifact_bucket" });
    expect(validateDocument(doc).filter((d) => d.severity !== "info")).toEqual([]);
    expect(exportIac(doc, { format: "terraform" }).text).toBe(TF);
  });

  it("writes an edit back into the file, keeping the other resource and the lifecycle block", () => {
    const doc = edit(imported(TF, "web", "main.tf"), (p) => {
      p.stages[0]!.actions[0]!.configuration!["BranchName"] = "release";
    });
    const text = exportIac(doc, { format: "terraform" }).text ?? "";
    expect(text).toContain('BranchName       = "release"');
    expect(text).toContain("  lifecycle {\n    ignore_changes = [stage[0].action[0].configuration]\n  }");
    expect(text.slice(text.indexOf('resource "aws_codepipeline" "api"'))).toBe(
      TF.slice(TF.indexOf('resource "aws_codepipeline" "api"')),
    );
  });

  it("refuses a CloudFormation value in a Terraform export, naming it", () => {
    const doc = imported(YAML, "WebPipeline");
    const out = exportIac(doc, { format: "terraform" });
    expect(out.text).toBeUndefined();
    expect(out.diagnostics.map((d) => d.message)).toContain(
      "Terraform cannot resolve a value that CloudFormation resolves; replace it or export to CloudFormation: !GetAtt PipelineRole.Arn",
    );
  });
});

describe("deploy-time validation", () => {
  it("names only rules the validator has", async () => {
    const { RULES } = await import("../../../shared/validate");
    const { CROSS_REFERENCE_READS } = await import("../../../shared/iac/deploy-time-validation");
    const codes = new Set(RULES.map((r) => r.code));
    expect(Object.keys(CROSS_REFERENCE_READS).filter((code) => !codes.has(code))).toEqual([]);
  });
});

describe("members a format has no property for", () => {
  it("travel in Metadata (CloudFormation) or a comment (Terraform), are listed, and come back in place", async () => {
    const { withUnmappedMembers } = await import("./fixture-set");
    const { exportPipeline } = await import("../../../shared/formats");
    const doc = withUnmappedMembers();
    const want = exportPipeline(doc, { pipelineType: "V2" }).text;
    for (const format of ["cfn-yaml", "terraform"] as const) {
      const out = exportIac(doc, { format, pipelineType: "V2" });
      expect(out.notes.join("\n")).toContain("pipeline.futurePipelineMember: ");
      const back = importIac(out.text ?? "", { fileName: format === "terraform" ? "main.tf" : "t.yaml" });
      expect(back.diagnostics).toEqual([]);
      const got = exportPipeline(back.document!, { pipelineType: "V2" }).text;
      expect(got?.replace(/\n\s*"version": \d+,?/, "")).toBe(want?.replace(/\n\s*"version": \d+,?/, ""));
    }
    const cfn = exportIac(doc, { format: "cfn-yaml", pipelineType: "V2" });
    expect(
      cfn.notes.some((n) =>
        n.startsWith(
          "pipeline.stages[1].onSuccess.conditions[0].rules[0].timeoutInMinutes: CloudFormation has no place",
        ),
      ),
    ).toBe(true);
    expect(cfn.text).toContain("    Metadata:\n      Pipewright:\n        Unmapped:\n");
    const tf = exportIac(doc, { format: "terraform", pipelineType: "V2" });
    expect(tf.text).toContain('# pipewright:unmapped {"path":["pipeline","stages",1,"blockers"]');
  });
});

describe("member names that are numbers", () => {
  // JavaScript lists "7" before "b" in a plain object; the document model marks such names so the
  // file's order holds (shared/pipeline/member-keys.ts), and templates must keep it too.
  const source = `{
  "pipeline": {
    "name": "numbered-keys",
    "roleArn": "arn:aws:iam::111122223333:role/p",
    "artifactStore": { "type": "S3", "location": "bucket" },
    "stages": [
      {
        "name": "Source",
        "actions": [
          {
            "name": "Source",
            "actionTypeId": { "category": "Source", "owner": "AWS", "provider": "S3", "version": "1" },
            "configuration": { "S3Bucket": "src", "S3ObjectKey": "app.zip", "10": "ten", "2": "two" },
            "outputArtifacts": [{ "name": "Out" }]
          }
        ]
      },
      {
        "name": "Build",
        "actions": [
          {
            "name": "Build",
            "actionTypeId": { "category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1" },
            "configuration": { "ProjectName": "p", "7": "seven" },
            "inputArtifacts": [{ "name": "Out" }]
          }
        ]
      }
    ],
    "pipelineType": "V2"
  }
}
`;

  for (const format of ["cfn-yaml", "cfn-json", "terraform"] as const) {
    it(`keep their place through ${format} and back`, () => {
      const doc = parseDocument(source).document!;
      const want = exportPipeline(doc, { pipelineType: "V2" }).text!;
      expect(want.indexOf('"S3ObjectKey"')).toBeLessThan(want.indexOf('"10"'));
      const exported = exportIac(doc, { format, pipelineType: "V2" });
      expect(exported.diagnostics).toEqual([]);
      // The template spells the names as the file does: no invisible mark reaches it.
      expect(exported.text).not.toContain(KEY_MARK);
      const text = exported.text!;
      expect(text.indexOf("S3ObjectKey")).toBeLessThan(text.indexOf("ten"));
      expect(text.indexOf("ten")).toBeLessThan(text.indexOf("two"));
      const back = importIac(text, { fileName: format === "terraform" ? "main.tf" : "template" });
      expect(back.diagnostics).toEqual([]);
      expect(exportPipeline(back.document!, { pipelineType: "V2" }).text).toBe(want);
    });
  }
});
