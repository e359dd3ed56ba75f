import type { SourceLocation } from "../validate/diagnostic";

/**
 * Turns offsets into 1-based line and column numbers. Line breaks are `\n`, `\r\n` and a lone `\r`
 * (the JSON whitespace set, and what jsonc-parser counts); columns count UTF-16 units, as editors
 * and compilers do.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) starts.push(i + 1);
      else if (c === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /** The location of `offset` (clamped to the text). */
  locate(offset: number): SourceLocation {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  }
}
