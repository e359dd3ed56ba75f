import { ChevronDown, ChevronUp } from "lucide-react";
import { lazy, Suspense, useEffect, useRef, type ReactNode } from "react";
import { useAppStore } from "../store";
import { countBySeverity, selectDiagnostics } from "../store/derived";
import type { BottomTab } from "../store/designer-state";
import { RehearsePanel } from "../rehearse/RehearsePanel";
import { selectRehearsalProblems } from "../store/rehearse-problems";
import { ProblemsList } from "./ProblemsList";
import { RunsPanel } from "./runs/RunsPanel";

// CodeMirror is only needed once the JSON view opens; it stays out of the first bundle.
const JsonView = lazy(() => import("./json/JsonView"));

/**
 * The bottom panel's tabs, as data: panels added later (rehearse, export preview) add an entry.
 * `label` may count what the tab holds; `needsDocument` disables it while no document is open.
 */
const TABS: readonly {
  id: BottomTab;
  Label: () => ReactNode;
  needsDocument: boolean;
  Body: () => ReactNode;
}[] = [
  { id: "problems", Label: ProblemsLabel, needsDocument: false, Body: ProblemsList },
  {
    id: "json",
    Label: () => "JSON",
    needsDocument: true,
    Body: () => (
      <Suspense fallback={<p className="muted">Loading the JSON view…</p>}>
        <JsonView />
      </Suspense>
    ),
  },
  { id: "runs", Label: () => "Runs", needsDocument: true, Body: RunsPanel },
  // Shown only in rehearse mode (see BottomPanel).
  { id: "rehearse", Label: () => "Rehearse", needsDocument: true, Body: RehearsePanel },
];

function ProblemsLabel() {
  const total = useAppStore((s) => selectDiagnostics(s).length + selectRehearsalProblems(s).length);
  return `Problems (${total})`;
}

function StatusBar() {
  const errors = useAppStore((s) => countBySeverity(selectDiagnostics(s)).error);
  const warnings = useAppStore(
    (s) => countBySeverity(selectDiagnostics(s)).warning + selectRehearsalProblems(s).length,
  );
  const jsonError = useAppStore((s) => s.jsonDraft?.error ?? null);
  return (
    <div className="status-bar" role="status" aria-label="Status">
      <span className={errors > 0 ? "has-errors" : ""}>
        {errors} error{errors === 1 ? "" : "s"}
      </span>
      <span className={warnings > 0 ? "has-warnings" : ""}>
        {warnings} warning{warnings === 1 ? "" : "s"}
      </span>
      {jsonError !== null && <span className="has-errors">JSON not applied: line {jsonError.line}</span>}
    </div>
  );
}

/**
 * The bottom area: problems, the JSON view and the runs of the pipeline as tabs, with the status
 * bar's counts. Collapsed it is only its tab bar; choosing a tab opens it, choosing the open tab
 * again folds it away, and it folds by itself when the problems it shows are all fixed.
 */
export function BottomPanel() {
  const hasDocument = useAppStore((s) => s.doc !== null);
  const tab = useAppStore((s) => s.bottomTab);
  const open = useAppStore((s) => s.panels.bottom);
  const chosen = useAppStore((s) => s.bottomTabChosen);
  const toggled = useAppStore((s) => s.panelToggled);
  const runsToggled = useAppStore((s) => s.runsToggled);
  const problems = useAppStore((s) => selectDiagnostics(s).length);

  // Nothing left to show: the panel gives its room back to the canvas.
  const before = useRef(problems);
  useEffect(() => {
    if (before.current > 0 && problems === 0 && tab === "problems") toggled("bottom", false);
    before.current = problems;
  }, [problems, tab, toggled]);

  const choose = (id: BottomTab) => {
    if (id === tab && open) return toggled("bottom", false);
    if (id === "runs") return runsToggled(true);
    chosen(id);
    toggled("bottom", true);
  };
  const active = TABS.find((t) => t.id === tab) ?? TABS[0];
  const Body = active?.Body ?? ProblemsList;
  const rehearsing = useAppStore((s) => s.rehearseMode);
  return (
    <section className="bottom-panel" aria-label="Problems, JSON and runs">
      <div className="bottom-head">
        <div role="tablist" aria-label="Bottom panel">
          {TABS.filter((t) => t.id !== "rehearse" || rehearsing).map(({ id, Label, needsDocument }) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={id === tab}
              aria-expanded={id === tab ? open : undefined}
              aria-controls={id === tab && open ? "tabpanel-bottom" : undefined}
              disabled={needsDocument && !hasDocument}
              onClick={() => choose(id)}
            >
              <Label />
            </button>
          ))}
        </div>
        <StatusBar />
        <button
          type="button"
          className="icon-button"
          aria-label={open ? "Hide the bottom panel" : "Show the bottom panel"}
          title={open ? "Hide the bottom panel" : "Show the bottom panel"}
          onClick={() => toggled("bottom")}
        >
          {open ? <ChevronDown aria-hidden="true" size={16} /> : <ChevronUp aria-hidden="true" size={16} />}
        </button>
      </div>
      {open && (
        <div className="bottom-body" role="tabpanel" id="tabpanel-bottom" aria-labelledby={`tab-${tab}`}>
          {(active?.needsDocument === true && !hasDocument) || (tab === "rehearse" && !rehearsing) ? (
            <ProblemsList />
          ) : (
            <Body />
          )}
        </div>
      )}
    </section>
  );
}
