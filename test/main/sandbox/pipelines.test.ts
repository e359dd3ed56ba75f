import {
  CreatePipelineCommand,
  DeletePipelineCommand,
  GetPipelineCommand,
  InvalidActionDeclarationException,
  InvalidStageDeclarationException,
  InvalidStructureException,
  ListPipelinesCommand,
  ListTagsForResourceCommand,
  PipelineNameInUseException,
  PipelineNotFoundException,
  PipelineVersionNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdatePipelineCommand,
  InvalidTagsException,
  ResourceNotFoundException,
  InvalidNextTokenException,
  type PipelineDeclaration as SdkPipeline,
} from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { threeStagePipeline } from "./fixtures";
import { openHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

const sdk = (p: unknown): SdkPipeline => p as SdkPipeline;

describe("pipelines through the SDK", () => {
  it("creates, gets, updates (version + 1), lists and deletes with versions", async () => {
    const created = await h.client.send(
      new CreatePipelineCommand({
        pipeline: sdk(threeStagePipeline({ name: "crud" })),
        tags: [{ key: "team", value: "web" }],
      }),
    );
    expect(created.pipeline?.version).toBe(1);
    expect(created.pipeline?.executionMode).toBe("SUPERSEDED");
    expect(created.pipeline?.pipelineType).toBe("V1");
    expect(created.tags).toEqual([{ key: "team", value: "web" }]);

    const got = await h.client.send(new GetPipelineCommand({ name: "crud" }));
    expect(got.pipeline?.stages?.map((s) => s.name)).toEqual(["Source", "Build", "Deploy"]);
    expect(got.metadata?.pipelineArn).toBe("arn:aws:codepipeline:us-east-1:123456789012:crud");
    expect(got.metadata?.created).toBeInstanceOf(Date);

    const changed = threeStagePipeline({ name: "crud", groups: true });
    const updated = await h.client.send(new UpdatePipelineCommand({ pipeline: sdk(changed) }));
    expect(updated.pipeline?.version).toBe(2);
    const v2 = await h.client.send(new GetPipelineCommand({ name: "crud" }));
    expect(v2.pipeline?.version).toBe(2);
    expect(v2.pipeline?.stages?.[1]?.actions?.map((a) => a.name)).toEqual(["Compile", "Lint", "Package"]);
    const v1 = await h.client.send(new GetPipelineCommand({ name: "crud", version: 1 }));
    expect(v1.pipeline?.version).toBe(1);
    expect(v1.pipeline?.stages?.[1]?.actions?.map((a) => a.name)).toEqual(["Compile"]);
    await expect(h.client.send(new GetPipelineCommand({ name: "crud", version: 3 }))).rejects.toBeInstanceOf(
      PipelineVersionNotFoundException,
    );

    const listed = await h.client.send(new ListPipelinesCommand({}));
    const summary = listed.pipelines?.find((p) => p.name === "crud");
    expect(summary).toMatchObject({
      name: "crud",
      version: 2,
      pipelineType: "V1",
      executionMode: "SUPERSEDED",
    });
    expect(summary?.updated?.getTime()).toBeGreaterThanOrEqual(summary?.created?.getTime() ?? Infinity);

    await h.client.send(new DeletePipelineCommand({ name: "crud" }));
    await expect(h.client.send(new GetPipelineCommand({ name: "crud" }))).rejects.toBeInstanceOf(
      PipelineNotFoundException,
    );
    // Deleting again succeeds: the model gives DeletePipeline no not-found error.
    await h.client.send(new DeletePipelineCommand({ name: "crud" }));
  });

  it("refuses a duplicate name and an update of a missing pipeline", async () => {
    await h.client.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "dup" })) }));
    await expect(
      h.client.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "dup" })) })),
    ).rejects.toBeInstanceOf(PipelineNameInUseException);
    await expect(
      h.client.send(new UpdatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "nope" })) })),
    ).rejects.toBeInstanceOf(PipelineNotFoundException);
  });

  it("maps shared/validate findings to the service's structure exceptions, naming the problem", async () => {
    const oneStage = threeStagePipeline({ name: "one-stage" });
    oneStage.stages = oneStage.stages.slice(0, 1);
    const tooFew = h.client.send(new CreatePipelineCommand({ pipeline: sdk(oneStage) }));
    await expect(tooFew).rejects.toBeInstanceOf(InvalidStructureException);
    await expect(tooFew).rejects.toThrow(/too-few-stages/);

    const dupStage = threeStagePipeline({ name: "dup-stage" });
    dupStage.stages[2]!.name = "Build";
    const stageError = h.client.send(new CreatePipelineCommand({ pipeline: sdk(dupStage) }));
    await expect(stageError).rejects.toBeInstanceOf(InvalidStageDeclarationException);
    await expect(stageError).rejects.toThrow(/duplicate-stage-name/);

    const badArtifact = threeStagePipeline({ name: "bad-artifact" });
    badArtifact.stages[2]!.actions[0]!.inputArtifacts = [{ name: "Nowhere" }];
    const actionError = h.client.send(new CreatePipelineCommand({ pipeline: sdk(badArtifact) }));
    await expect(actionError).rejects.toBeInstanceOf(InvalidActionDeclarationException);
    await expect(actionError).rejects.toThrow(/stages\[2\]\.actions\[0\]/);
    await expect(h.client.send(new GetPipelineCommand({ name: "bad-artifact" }))).rejects.toBeInstanceOf(
      PipelineNotFoundException,
    );
  });

  it("pages ListPipelines with maxResults and rejects a foreign token", async () => {
    for (let i = 0; i < 5; i++) {
      await h.client.send(
        new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: `page-${i}` })) }),
      );
    }
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await h.client.send(new ListPipelinesCommand({ maxResults: 2, nextToken }));
      expect(page.pipelines?.length).toBeLessThanOrEqual(2);
      names.push(...(page.pipelines ?? []).map((p) => p.name ?? ""));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(names.filter((n) => n.startsWith("page-"))).toEqual([
      "page-0",
      "page-1",
      "page-2",
      "page-3",
      "page-4",
    ]);
    expect(new Set(names).size).toBe(names.length);
    await expect(
      h.client.send(new ListPipelinesCommand({ nextToken: "bm90LWEtdG9rZW4" })),
    ).rejects.toBeInstanceOf(InvalidNextTokenException);
  });

  it("tags, untags and lists tags of a pipeline ARN", async () => {
    const created = await h.client.send(
      new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "tagged" })) }),
    );
    // No tags given: an empty list, as moto answers too (moto-compare.test.ts).
    expect(created.tags).toEqual([]);
    const { metadata } = await h.client.send(new GetPipelineCommand({ name: "tagged" }));
    const resourceArn = metadata?.pipelineArn ?? "";
    await h.client.send(
      new TagResourceCommand({
        resourceArn,
        tags: [
          { key: "a", value: "1" },
          { key: "b", value: "2" },
          { key: "c", value: "3" },
        ],
      }),
    );
    await h.client.send(new TagResourceCommand({ resourceArn, tags: [{ key: "a", value: "changed" }] }));
    await h.client.send(new UntagResourceCommand({ resourceArn, tagKeys: ["b"] }));
    const first = await h.client.send(new ListTagsForResourceCommand({ resourceArn, maxResults: 1 }));
    expect(first.tags).toEqual([{ key: "a", value: "changed" }]);
    const second = await h.client.send(
      new ListTagsForResourceCommand({ resourceArn, maxResults: 1, nextToken: first.nextToken }),
    );
    expect(second.tags).toEqual([{ key: "c", value: "3" }]);
    expect(second.nextToken).toBeUndefined();
    await expect(
      h.client.send(new TagResourceCommand({ resourceArn, tags: [{ key: "aws:reserved", value: "x" }] })),
    ).rejects.toBeInstanceOf(InvalidTagsException);
    await expect(
      h.client.send(
        new ListTagsForResourceCommand({
          resourceArn: "arn:aws:codepipeline:us-east-1:123456789012:missing",
        }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
