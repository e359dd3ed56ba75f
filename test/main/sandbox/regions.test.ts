import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineCommand,
  ListPipelinesCommand,
  ListTagsForResourceCommand,
  type PipelineDeclaration as SdkPipeline,
} from "@aws-sdk/client-codepipeline";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { threeStagePipeline } from "./fixtures";
import { openHarness, type Harness } from "./harness";
import { rawCall, target } from "./wire";

let h: Harness | undefined;
const clients: CodePipelineClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await h?.close();
  h = undefined;
});

/** A client signing for `region` with `accessKeyId`, as the SDK does for any real region. */
function client(region: string, accessKeyId = "AKIDSANDBOX"): CodePipelineClient {
  const made = new CodePipelineClient({
    endpoint: h?.sandbox.endpoint ?? "",
    region,
    credentials: { accessKeyId, secretAccessKey: "sandbox-secret" },
    maxAttempts: 1,
  });
  clients.push(made);
  return made;
}

const sdk = (p: unknown): SdkPipeline => p as SdkPipeline;
const names = async (c: CodePipelineClient): Promise<string[]> =>
  ((await c.send(new ListPipelinesCommand({}))).pipelines ?? []).map((p) => p.name ?? "");

describe("regions: one endpoint, the region each request is signed for", () => {
  it("keeps each region's pipelines apart, with that region in their ARNs", async () => {
    h = await openHarness();
    const ireland = client("eu-west-1");
    const virginia = client("us-east-1");
    await ireland.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "web" })) }));
    expect(await names(ireland)).toEqual(["web"]);
    expect(await names(virginia)).toEqual([]);
    await expect(virginia.send(new GetPipelineCommand({ name: "web" }))).rejects.toMatchObject({
      name: "PipelineNotFoundException",
    });
    // The same name in another region is another pipeline.
    await virginia.send(
      new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "web", groups: true })) }),
    );
    const inIreland = await ireland.send(new GetPipelineCommand({ name: "web" }));
    const inVirginia = await virginia.send(new GetPipelineCommand({ name: "web" }));
    expect(inIreland.metadata?.pipelineArn).toBe("arn:aws:codepipeline:eu-west-1:123456789012:web");
    expect(inVirginia.metadata?.pipelineArn).toBe("arn:aws:codepipeline:us-east-1:123456789012:web");
    expect(inIreland.pipeline?.stages?.[1]?.actions).toHaveLength(1);
    expect(inVirginia.pipeline?.stages?.[1]?.actions).toHaveLength(3);
    // A region's ARN is not a resource of another region.
    await expect(
      virginia.send(new ListTagsForResourceCommand({ resourceArn: inIreland.metadata?.pipelineArn })),
    ).rejects.toMatchObject({ name: "InvalidArnException" });
  });

  it("judges an action's region against the region the request is signed for", async () => {
    h = await openHarness();
    const pipeline = threeStagePipeline({ name: "regional" }) as unknown as {
      stages: { actions: Record<string, unknown>[] }[];
    };
    const build = pipeline.stages[1]?.actions[0];
    if (build) build.region = "eu-west-1";
    // Created in eu-west-1, the action is in the pipeline's own region: one artifact store suffices.
    await client("eu-west-1").send(new CreatePipelineCommand({ pipeline: sdk(pipeline) }));
    // The same declaration in us-east-1 makes it cross-region, which needs an artifact store there.
    await expect(
      client("us-east-1").send(new CreatePipelineCommand({ pipeline: sdk(pipeline) })),
    ).rejects.toMatchObject({
      name: "InvalidActionDeclarationException",
    });
  });

  it("gives the China and GovCloud regions their ARN partitions", async () => {
    h = await openHarness();
    const beijing = client("cn-north-1");
    await beijing.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "cn" })) }));
    expect((await beijing.send(new GetPipelineCommand({ name: "cn" }))).metadata?.pipelineArn).toBe(
      "arn:aws-cn:codepipeline:cn-north-1:123456789012:cn",
    );
    const gov = client("us-gov-west-1");
    await gov.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "gov" })) }));
    expect((await gov.send(new GetPipelineCommand({ name: "gov" }))).metadata?.pipelineArn).toBe(
      "arn:aws-us-gov:codepipeline:us-gov-west-1:123456789012:gov",
    );
  });

  it("serves unsigned requests in the sandbox's own region, and refuses a malformed signature", async () => {
    h = await openHarness({ region: "ap-south-1" });
    await client("ap-south-1").send(
      new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "mumbai" })) }),
    );
    const unsigned = await rawCall(h.sandbox.endpoint, target("ListPipelines"), "{}");
    expect(unsigned.status).toBe(200);
    expect((unsigned.json.pipelines as { name: string }[]).map((p) => p.name)).toEqual(["mumbai"]);
    for (const authorization of [
      "Bearer abc",
      "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1",
      "AWS4-HMAC-SHA256 Credential=AKID/20240101/Not_A_Region/codepipeline/aws4_request, Signature=x",
      "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/s3/aws4_request, Signature=x",
    ]) {
      const res = await rawCall(h.sandbox.endpoint, target("ListPipelines"), "{}", {
        Authorization: authorization,
      });
      expect(res.status, authorization).toBe(400);
      expect(res.json.__type, authorization).toBe("IncompleteSignatureException");
    }
  });
});

describe("accounts: a 12-digit access key id is the account", () => {
  it("keeps accounts apart behind one endpoint; any other key is the default account", async () => {
    h = await openHarness();
    const alice = client("us-east-1", "111122223333");
    const bob = client("us-east-1", "444455556666");
    const anyone = client("us-east-1", "AKIAIOSFODNN7EXAMPLE");
    await alice.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "a" })) }));
    await bob.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "b" })) }));
    expect(await names(alice)).toEqual(["a"]);
    expect(await names(bob)).toEqual(["b"]);
    expect(await names(anyone)).toEqual([]);
    expect((await alice.send(new GetPipelineCommand({ name: "a" }))).metadata?.pipelineArn).toBe(
      "arn:aws:codepipeline:us-east-1:111122223333:a",
    );
    // Accounts × regions: Alice in another region has nothing yet.
    expect(await names(client("eu-central-1", "111122223333"))).toEqual([]);
  });

  it("keeps every account and region across a restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "pipewright-regions-"));
    try {
      h = await openHarness({ dataDir });
      await client("eu-west-1", "111122223333").send(
        new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "kept" })) }),
      );
      await client("us-west-2").send(
        new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "other" })) }),
      );
      await h.close();
      h = await openHarness({ dataDir });
      expect(await names(client("eu-west-1", "111122223333"))).toEqual(["kept"]);
      expect(await names(client("us-west-2"))).toEqual(["other"]);
      expect(await names(client("eu-west-1"))).toEqual([]);
    } finally {
      await h?.close();
      h = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
