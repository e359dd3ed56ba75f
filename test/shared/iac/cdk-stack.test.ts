/**
 * The CDK export compiles with tsc against aws-cdk-lib (strict) and synthesizes to the same
 * resource and parameters as the CloudFormation export, for every fixture pipeline with and without
 * --parameterize. One TypeScript program and one CDK App for all of them: loading aws-cdk-lib's
 * types costs seconds, and CI runs on two slow cores.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ts from "typescript";
import type * as CdkCore from "aws-cdk-lib";
import { afterAll, describe, expect, it } from "vitest";
import { exportIac } from "../../../shared/iac";
import { PIPELINE_FIXTURES } from "./fixture-set";

const REPO = resolve(import.meta.dirname, "../../..");
const work = mkdtempSync(join(tmpdir(), "pipewright-cdk-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * aws-cdk-lib's TagManager writes a resource's tags sorted by key, while the CloudFormation export
 * keeps the document's order; CloudFormation applies tags as a set, so both are compared sorted.
 */
function sortTags(resources: Record<string, Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(resources).map(([id, r]) => {
      const props = r["Properties"] as Record<string, unknown> | undefined;
      const tags = props?.["Tags"] as Array<{ Key: string }> | undefined;
      if (!tags) return [id, r];
      const sorted = [...tags].sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0));
      return [id, { ...r, Properties: { ...props, Tags: sorted } }];
    }),
  );
}

type Template = { Resources?: Record<string, Record<string, unknown>>; Parameters?: Record<string, unknown> };

describe("CDK TypeScript export", () => {
  it("compiles against aws-cdk-lib and synthesizes to the CloudFormation export's resource", () => {
    symlinkSync(join(REPO, "node_modules"), join(work, "node_modules"), "dir");
    mkdirSync(join(work, "src"));
    const cases: Array<{ file: string; expected: Template; name: string }> = [];
    for (const [i, fixture] of PIPELINE_FIXTURES.entries()) {
      for (const parameterize of [false, true]) {
        const options = { pipelineType: fixture.pipelineType, parameterize };
        const cdk = exportIac(fixture.document, { ...options, format: "cdk-ts" });
        const cfn = exportIac(fixture.document, { ...options, format: "cfn-json" });
        expect(cdk.diagnostics, fixture.name).toEqual([]);
        const file = join(work, "src", `stack${i}${parameterize ? "p" : ""}.ts`);
        writeFileSync(file, cdk.text ?? "");
        cases.push({
          file,
          expected: JSON.parse(cfn.text ?? "{}") as Template,
          name: `${fixture.name}${parameterize ? " --parameterize" : ""}`,
        });
      }
    }

    const program = ts.createProgram(
      cases.map((c) => c.file),
      {
        strict: true,
        noUnusedLocals: true,
        module: ts.ModuleKind.Node16,
        moduleResolution: ts.ModuleResolutionKind.Node16,
        target: ts.ScriptTarget.ES2022,
        outDir: join(work, "js"),
        rootDir: join(work, "src"),
        skipLibCheck: true,
        types: [],
      },
    );
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(errors).toEqual([]);
    expect(program.emit().emitSkipped).toBe(false);

    // The same aws-cdk-lib instance the compiled stacks load.
    const load = createRequire(join(work, "js", "index.js"));
    const core = load("aws-cdk-lib/core") as typeof CdkCore;
    // The CloudFormation export is validated on its own; equality carries that over to this stack.
    const app = new core.App({ outdir: join(work, "cdk.out"), builtinCloudFormationValidation: false });
    const ids: string[] = [];
    for (const [i, c] of cases.entries()) {
      const module = load(
        join(work, "js", c.file.slice(join(work, "src").length + 1).replace(/\.ts$/, ".js")),
      ) as Record<string, new (scope: unknown, id: string, props: unknown) => unknown>;
      const Stack = Object.values(module)[0]!;
      ids.push(`S${i}`);
      new Stack(app, `S${i}`, {
        synthesizer: new core.DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
      });
    }
    const assembly = app.synth();
    for (const [i, c] of cases.entries()) {
      const template = assembly.getStackByName(ids[i]!).template as Template;
      const resources = Object.fromEntries(
        Object.entries(template.Resources ?? {}).map(([id, r]) => {
          const metadata = { ...(r["Metadata"] as Record<string, unknown> | undefined) };
          delete metadata["aws:cdk:path"];
          const { Metadata: _unused, ...rest } = r;
          return [id, Object.keys(metadata).length > 0 ? { ...rest, Metadata: metadata } : rest];
        }),
      );
      expect(sortTags(resources), c.name).toEqual(sortTags(c.expected.Resources ?? {}));
      expect(template.Parameters ?? {}, c.name).toEqual(c.expected.Parameters ?? {});
    }
  }, 300_000);
});
