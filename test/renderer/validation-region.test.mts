import { describe, expect, it } from "vitest";
import { createAppStore } from "../../renderer/store";
import { selectDiagnostics } from "../../renderer/store/derived";
import { fakeApi, opened, sampleDocument } from "./support/fake-api";

/** The sample with `region` on its source action, as the console writes it for the pipeline's own Region. */
function regionedDocument(region: string) {
  const document = sampleDocument("regioned");
  const source = document.pipeline.stages[0]?.actions[0];
  if (source === undefined) throw new Error("sample changed: no source action");
  (source as { region?: string }).region = region;
  return document;
}

function setup(region: string) {
  const { client } = fakeApi();
  const store = createAppStore({ api: client, confirm: () => true, newId: () => "rid", now: () => 0 });
  store.getState().documentLoaded(opened({ document: regionedDocument(region), dirty: false }));
  return { s: () => store.getState() };
}

const codes = (diagnostics: readonly { code: string; severity: string }[]) =>
  diagnostics.map((d) => `${d.severity} ${d.code}`);

describe("validation in the designer uses the connection's Region", () => {
  it("checks against us-east-1 for the sandbox, the Region it answers as", () => {
    const { s } = setup("us-east-1");
    expect(codes(selectDiagnostics(s()))).toEqual([]);
    const other = setup("eu-west-1");
    // A source action cannot run in another Region; AWS has been seen to accept and ignore it.
    expect(codes(selectDiagnostics(other.s()))).toEqual(["warning cross-region-not-allowed"]);
  });

  it("finds nothing when the connection is in the action's Region", () => {
    const { s } = setup("eu-west-1");
    s().connectionPicked({ kind: "aws", region: "eu-west-1" });
    expect(codes(selectDiagnostics(s()))).toEqual([]);
  });

  it("re-validates when the connection moves to another Region", () => {
    const { s } = setup("eu-west-1");
    s().connectionPicked({ kind: "aws", region: "eu-west-1" });
    const before = selectDiagnostics(s());
    s().connectionPicked({ kind: "aws", region: "us-east-1" });
    const after = selectDiagnostics(s());
    expect(after).not.toBe(before);
    // A source action cannot run in another Region; AWS has been seen to accept and ignore it.
    expect(codes(after)).toEqual(["warning cross-region-not-allowed"]);
  });
});
