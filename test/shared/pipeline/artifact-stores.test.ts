import { describe, expect, it } from "vitest";
import {
  actionRegions,
  addRegionStore,
  oneStore,
  removeRegionStore,
  REGION_PATTERN,
  storePerRegion,
  type ActionDeclaration,
  type PipelineDeclaration,
} from "../../../shared/pipeline";

const action = (name: string, region?: string): ActionDeclaration => ({
  name,
  actionTypeId: { category: "Deploy", owner: "AWS", provider: "CodeDeploy", version: "1" },
  ...(region === undefined ? {} : { region }),
});

const pipeline: PipelineDeclaration = {
  name: "p",
  roleArn: "arn:aws:iam::123456789012:role/r",
  artifactStore: { type: "S3", location: "home-bucket", encryptionKey: { id: "k", type: "KMS" } },
  stages: [
    { name: "A", actions: [action("One"), action("Two", "eu-west-1")] },
    { name: "B", actions: [action("Three", "ap-south-1"), action("Four", "eu-west-1")] },
  ],
  version: 1,
};

describe("artifact stores", () => {
  it("lists action regions in order of first appearance", () => {
    expect(actionRegions(pipeline)).toEqual(["eu-west-1", "ap-south-1"]);
  });

  it("switches to a store per region in the same position, keeping the bucket (and its key) for home", () => {
    const next = storePerRegion(pipeline, "us-east-1");
    expect(Object.keys(next)).toEqual(["name", "roleArn", "artifactStores", "stages", "version"]);
    expect(next.artifactStores).toEqual({
      "us-east-1": pipeline.artifactStore,
      "eu-west-1": { type: "S3", location: "" },
      "ap-south-1": { type: "S3", location: "" },
    });
    expect(storePerRegion(next, "us-east-1")).toBe(next);
    // Home among the action regions: listed once, first.
    expect(Object.keys(storePerRegion(pipeline, "eu-west-1").artifactStores ?? {})).toEqual([
      "eu-west-1",
      "ap-south-1",
    ]);
  });

  it("switches back to one store: home's bucket, else the first", () => {
    const perRegion = storePerRegion(pipeline, "us-east-1");
    const back = oneStore(perRegion, "us-east-1");
    expect(back).toEqual(pipeline);
    expect(Object.keys(back)).toEqual(Object.keys(pipeline));
    expect(oneStore(perRegion, "sa-east-1").artifactStore).toEqual(pipeline.artifactStore);
    expect(oneStore(pipeline, "us-east-1")).toBe(pipeline);
  });

  it("adds and removes regions, never the last store, never over an existing one", () => {
    const perRegion = storePerRegion(pipeline, "us-east-1");
    const added = addRegionStore(perRegion, "ca-central-1");
    expect(Object.keys(added.artifactStores ?? {})).toEqual([
      "us-east-1",
      "eu-west-1",
      "ap-south-1",
      "ca-central-1",
    ]);
    expect(addRegionStore(added, "us-east-1")).toBe(added);
    expect(addRegionStore(pipeline, "ca-central-1")).toBe(pipeline);
    let shrunk = removeRegionStore(added, "eu-west-1");
    expect(Object.keys(shrunk.artifactStores ?? {})).toEqual(["us-east-1", "ap-south-1", "ca-central-1"]);
    shrunk = removeRegionStore(removeRegionStore(shrunk, "ap-south-1"), "ca-central-1");
    expect(removeRegionStore(shrunk, "us-east-1")).toBe(shrunk);
    // "__proto__" as a region is a plain key, not the prototype.
    const odd = addRegionStore(perRegion, "__proto__");
    expect(Object.prototype.hasOwnProperty.call(odd.artifactStores, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(odd.artifactStores)).toBe(Object.prototype);
  });

  it("knows region names", () => {
    for (const r of ["us-east-1", "ap-southeast-2", "us-gov-west-1", "eu-central-2", "il-central-1"])
      expect(REGION_PATTERN.test(r), r).toBe(true);
    for (const r of ["", "useast1", "US-EAST-1", "us-east", "us-east-1a", "eu-west-1 "])
      expect(REGION_PATTERN.test(r), r).toBe(false);
  });
});
