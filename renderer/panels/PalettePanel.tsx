import { ACTION_TYPES, CATEGORIES } from "../../shared/catalog";

const COUNTS = new Map(CATEGORIES.map((c) => [c, ACTION_TYPES.filter((t) => t.category === c).length]));

/** The left area: the action palette (drag-and-drop arrives with the designer). */
export function PalettePanel() {
  return (
    <aside className="panel palette" aria-label="Palette">
      <h2>Actions</h2>
      <ul>
        {CATEGORIES.map((category) => (
          <li key={category}>
            {category} <span className="muted">({COUNTS.get(category) ?? 0})</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
