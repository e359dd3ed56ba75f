import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textChange } from "../../renderer/panels/json/text-change";

function apply(text: string, change: ReturnType<typeof textChange>): string {
  return change === null ? text : text.slice(0, change.from) + change.insert + text.slice(change.to);
}

const isSurrogate = (code: number | undefined) => code !== undefined && code >= 0xd800 && code <= 0xdfff;

describe("textChange", () => {
  it("turns the old text into the new one, touching only what differs, on whole characters", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", "{", "\n", "😀", "😁", "é"), maxLength: 30 });
    fc.assert(
      fc.property(text, text, text, (head, middle, tail) => {
        const before = head + tail;
        const after = head + middle + tail;
        for (const [from, to] of [
          [before, after],
          [after, before],
        ] as const) {
          const change = textChange(from, to);
          expect(apply(from, change)).toBe(to);
          if (change === null) continue;
          // No wider than the edit made here (a shared head or tail is never replaced).
          expect(change.to - change.from).toBeLessThanOrEqual(Math.abs(from.length - to.length) + 2);
          const low = (code: number) => isSurrogate(code) && code >= 0xdc00;
          const high = (code: number) => isSurrogate(code) && code < 0xdc00;
          expect(low(from.charCodeAt(change.from)) || low(from.charCodeAt(change.to))).toBe(false);
          expect(low(change.insert.charCodeAt(0))).toBe(false);
          expect(high(change.insert.charCodeAt(change.insert.length - 1))).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("is null for equal texts and keeps a large document's untouched ends out of the change", () => {
    expect(textChange("same", "same")).toBeNull();
    const big = `{"a": "${"x".repeat(100_000)}", "b": "old", "c": "${"y".repeat(100_000)}"}`;
    const change = textChange(big, big.replace('"old"', '"new value"'));
    expect(change).toEqual({ from: big.indexOf("old"), to: big.indexOf("old") + 3, insert: "new value" });
  });
});
