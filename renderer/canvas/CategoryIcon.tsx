/** One glyph per category, drawn in the category's colour (see app.css); unknown types get "?". */
const GLYPHS: Record<string, string> = {
  Source: "⤓",
  Build: "⚙",
  Test: "✓",
  Deploy: "⇪",
  // Not an emoji: Linux installs often lack an emoji font, and the glyph would show as a box.
  Approval: "⚑",
  Invoke: "λ",
  Compute: "▣",
};

/** The icon of an action's category. */
export function CategoryIcon({ category }: { category: string }) {
  return (
    <span className="category-icon" aria-hidden="true">
      {GLYPHS[category] ?? "?"}
    </span>
  );
}
