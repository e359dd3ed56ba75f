import {
  CreatePipelineCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  StartPipelineExecutionCommand,
  type PipelineDeclaration as SdkPipeline,
} from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATION_HANDLERS } from "../../../main/sandbox/operations";
import { OPERATIONS, SHAPES } from "../../../shared/service-model";
import { threeStagePipeline } from "./fixtures";
import { openHarness, waitForExecution, type Harness } from "./harness";
import { rawCall, target } from "./wire";

/** Deterministic PRNG (mulberry32) so a failure reproduces with the same seed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + Math.imul(t ^ (t >>> 14), 71 | t));
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  "fuzz",
  "Source",
  "Build",
  "Deploy",
  "Checkout",
  "Compile",
  "__proto__",
  "constructor",
  "",
  " ",
  "x".repeat(2000),
  "ünïcødé-名前",
  "arn:aws:codepipeline:us-east-1:123456789012:fuzz",
  "00000000-0000-0000-0000-000000000000",
  "FAILED_ACTIONS",
  "Approved",
  "Inbound",
  "eyJzIjoiTGlzdFBpcGVsaW5lcyIsImsiOiJ6In0",
];

/** A value for `shapeName`: usually shaped like the model says, sometimes deliberately wrong. */
function generate(shapeName: string, rand: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  if (rand() < 0.08 || depth > 8) return pick([null, 42, -1, 1.5, true, "junk", [], {}, [null], { a: 1 }]);
  const shape = SHAPES[shapeName];
  if (!shape) return null;
  switch (shape.type) {
    case "structure":
      return Object.fromEntries(
        Object.entries(shape.members)
          .filter(([member]) => shape.required?.includes(member) || rand() < 0.5)
          .map(([member, memberShape]) => [member, generate(memberShape, rand, depth + 1)]),
      );
    case "list":
      return Array.from({ length: Math.floor(rand() * 4) }, () => generate(shape.member, rand, depth + 1));
    case "map":
      return Object.fromEntries(
        Array.from({ length: Math.floor(rand() * 3) }, () => [
          pick(STRINGS),
          generate(shape.value, rand, depth + 1),
        ]),
      );
    case "string":
      return shape.enum && rand() < 0.7 ? pick(shape.enum) : pick(STRINGS);
    case "integer":
    case "long":
    case "double":
    case "float":
      return pick([0, 1, 2, 5, 100, 1001, -3, 2 ** 53]);
    case "boolean":
      return rand() < 0.5;
    default:
      return pick([0, "2026-01-01", null]);
  }
}

/** Errors of the protocol itself, possible for every operation. */
const PROTOCOL_ERRORS = ["SerializationException", "ValidationException"];
/**
 * Where the sandbox answers an error the model does not list for the operation: updating a
 * pipeline that does not exist has no modelled error, and PipelineNotFoundException is the
 * one a caller can act on.
 */
const DEVIATIONS: Record<string, string[]> = { UpdatePipeline: ["PipelineNotFoundException"] };

let h: Harness;
const internalErrors: string[] = [];
beforeAll(async () => {
  h = await openHarness({ log: (m) => internalErrors.push(m) });
  await h.client.send(
    new CreatePipelineCommand({ pipeline: threeStagePipeline({ name: "fuzz" }) as SdkPipeline }),
  );
});
afterAll(() => h.close());

describe("fuzzing every operation", () => {
  it("answers random bodies with AWS errors or results, never a crash, and still runs pipelines after", async () => {
    const rand = prng(20260101);
    const operations = Object.keys(OPERATION_HANDLERS).sort((a, b) => a.localeCompare(b));
    const seenTypes = new Set<string>();
    for (let round = 0; round < 60; round++) {
      for (const operation of operations) {
        const inputShape = OPERATIONS[operation]?.input ?? "";
        const kind = rand();
        const body =
          kind < 0.1
            ? String.fromCharCode(
                ...Array.from({ length: 1 + Math.floor(rand() * 40) }, () => Math.floor(rand() * 128)),
              )
            : JSON.stringify(generate(inputShape, rand, 0));
        const res = await rawCall(h.sandbox.endpoint, target(operation), body);
        expect(res.status, `${operation} ${body.slice(0, 200)}`).toBeLessThan(500);
        if (res.status !== 200) {
          expect(typeof res.json.__type).toBe("string");
          expect(typeof res.json.message).toBe("string");
          seenTypes.add(String(res.json.__type));
          const allowed = [
            ...(OPERATIONS[operation]?.errors ?? []),
            ...PROTOCOL_ERRORS,
            ...(DEVIATIONS[operation] ?? []),
          ];
          expect(
            allowed,
            `${operation} answered ${String(res.json.__type)}: ${String(res.json.message)}`,
          ).toContain(res.json.__type);
        }
      }
    }
    expect(internalErrors).toEqual([]);
    // The bodies reached past validation into the handlers, not only the front door.
    expect(seenTypes).toContain("SerializationException");
    expect(seenTypes).toContain("ValidationException");
    expect(seenTypes).toContain("PipelineNotFoundException");

    // Whatever the fuzz created or deleted (DeletePipeline "fuzz" is a legal request), every
    // pipeline left must still answer its state and history.
    const listed = await h.client.send(new ListPipelinesCommand({}));
    for (const pipeline of listed.pipelines ?? []) {
      const name = pipeline.name ?? "";
      await h.client.send(new GetPipelineStateCommand({ name }));
      await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }));
    }
    expect(internalErrors).toEqual([]);
    await h.client.send(
      new CreatePipelineCommand({ pipeline: threeStagePipeline({ name: "after-fuzz" }) as SdkPipeline }),
    );
    const { pipelineExecutionId } = await h.client.send(
      new StartPipelineExecutionCommand({ name: "after-fuzz" }),
    );
    await waitForExecution(h.client, "after-fuzz", pipelineExecutionId ?? "", ["Succeeded"]);
    const state = await h.client.send(new GetPipelineStateCommand({ name: "after-fuzz" }));
    expect(state.stageStates?.every((s) => s.latestExecution?.status === "Succeeded")).toBe(true);
  }, 90_000); // 44 operations × 60 rounds: long on a loaded 2-core machine
});
