import type {
  PipelineDeclaration as SdkPipelineDeclaration,
  CreatePipelineInput,
} from "@aws-sdk/client-codepipeline";
import { describe, expect, it } from "vitest";
import type { PipelineDeclaration, Tag } from "../../../shared/pipeline/model";

/**
 * Compile-time proof that our document model fits the SDK's: if AWS changes a member's type or our
 * model drifts, `tsc -b` fails here. (The runtime assertion only keeps the test runner honest.)
 */
type Assignable<T extends U, U> = T;
type _Declaration = Assignable<PipelineDeclaration, SdkPipelineDeclaration>;
type _Tags = Assignable<Tag[], NonNullable<CreatePipelineInput["tags"]>>;

describe("SDK compatibility", () => {
  it("lets a model pipeline be passed where the SDK expects a PipelineDeclaration", () => {
    const ours: PipelineDeclaration = {
      name: "p",
      roleArn: "arn:aws:iam::111122223333:role/r",
      stages: [],
      extraMemberFromTheFuture: { kept: true },
    };
    const sdk: SdkPipelineDeclaration = ours;
    const _unused: [_Declaration?, _Tags?] = [];
    expect(sdk.name).toBe("p");
  });
});
