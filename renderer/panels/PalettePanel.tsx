import { RectangleHorizontal } from "lucide-react";
import { useMemo, useState } from "react";
import { listActionTypesByCategory, type ActionTypeSpec } from "../../shared/catalog";
import { AccountTypesRow } from "./AccountTypesRow";
import { useDrag } from "../canvas/drag-context";
import { CategoryIcon } from "../canvas/CategoryIcon";
import { useAppStore, useStoreApi } from "../store";

const GROUPS = listActionTypesByCategory();

function matches(spec: ActionTypeSpec, query: string): boolean {
  if (query === "") return true;
  const q = query.toLowerCase();
  return [spec.provider, spec.title, spec.category, spec.description].some((t) =>
    t.toLowerCase().includes(q),
  );
}

function PaletteItem({ spec }: { spec: ActionTypeSpec }) {
  const store = useStoreApi();
  const { startDrag } = useDrag();
  const add = () => store.getState().actionTypeAdded(spec);
  return (
    <li>
      <button
        type="button"
        className="palette-item"
        // The visible text as it reads (what a speech-input user says), then the provider id it adds.
        aria-label={`${spec.title}${spec.v2Only ? " V2" : ""}${spec.title === spec.provider ? "" : `, ${spec.provider}`}`}
        aria-description={`${spec.description}${spec.v2Only ? " (V2 pipelines only)" : ""}`}
        title={`${spec.description} Drag onto the canvas, or press Enter to add it.`}
        onPointerDown={(e) => startDrag({ kind: "new-action", spec }, spec.title, e, add)}
        // A click from the keyboard (Enter, Space) has no pointer: the pointer's own click is the drag's.
        onClick={(e) => {
          if (e.detail === 0) add();
        }}
      >
        <CategoryIcon category={spec.category} />
        <span className="palette-title">{spec.title}</span>{" "}
        {spec.v2Only && (
          <span className="v2-tag" title="Only V2 pipelines accept this action type">
            V2
          </span>
        )}
        {spec.fromAccount === true && (
          <span className="v2-tag" title="An action type of the connected account (ListActionTypes)">
            {spec.owner === "Custom" ? "Custom" : spec.owner === "ThirdParty" ? "Partner" : "Account"}
          </span>
        )}
      </button>
    </li>
  );
}

/** The left area: the catalog's action types by category, searchable, plus a stage; drag or press Enter. */
export function PalettePanel() {
  const store = useStoreApi();
  const { startDrag } = useDrag();
  const hasDocument = useAppStore((s) => s.doc !== null);
  const accountTypes = useAppStore((s) => s.accountActionTypes);
  const [query, setQuery] = useState("");
  const groups = useMemo(
    () =>
      GROUPS.map((g) => ({
        ...g,
        // The account's own types (custom, partner) follow the catalog's in their category.
        actionTypes: [...g.actionTypes, ...accountTypes.filter((s) => s.category === g.category)].filter(
          (s) => matches(s, query.trim()),
        ),
      })).filter((g) => g.actionTypes.length > 0),
    [query, accountTypes],
  );
  return (
    <aside className="panel palette" aria-label="Palette">
      <h2>Palette</h2>
      <input
        type="search"
        className="palette-search"
        aria-label="Search actions"
        placeholder="Search actions"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <AccountTypesRow />
      <fieldset className="palette-body" disabled={!hasDocument}>
        <button
          type="button"
          className="palette-item palette-stage"
          title="Drag between stages to add an empty stage, or press Enter to add one after the selection."
          onPointerDown={(e) =>
            startDrag({ kind: "new-stage" }, "New stage", e, () => store.getState().stageAdded())
          }
          onClick={(e) => {
            if (e.detail === 0) store.getState().stageAdded();
          }}
        >
          <span className="category-icon" aria-hidden="true">
            <RectangleHorizontal size={16} />
          </span>
          <span className="palette-title">Stage</span>
        </button>
        {groups.map((group) => (
          <div key={group.category} role="group" aria-label={group.category} className="palette-group">
            <h3>{group.category}</h3>
            <ul>
              {group.actionTypes.map((spec) => (
                <PaletteItem key={`${spec.owner}/${spec.provider}/${spec.version}`} spec={spec} />
              ))}
            </ul>
          </div>
        ))}
        {groups.length === 0 && <p className="muted">No action type matches “{query}”.</p>}
      </fieldset>
    </aside>
  );
}
