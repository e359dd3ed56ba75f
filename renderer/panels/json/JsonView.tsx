/**
 * The JSON view (CodeMirror 6): the document's exact text, editable. Text that parses is applied as
 * one undoable change (the canvas follows); text that does not is kept, with the parse error shown
 * at its line, and is never replaced until the user fixes it.
 */
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import { bracketMatching, foldGutter, syntaxHighlighting, defaultHighlightStyle } from "@codemirror/language";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, highlightActiveLine } from "@codemirror/view";
import { useEffect, useRef } from "react";
import { serializeDocument } from "../../../shared/formats";
import { useAppStore, useStoreApi } from "../../store";
import type { JsonDraft } from "../../store/designer-state";
import { textChange } from "./text-change";

/** Colours from the app's custom properties, which inherit into the shadow root. */
const THEME = EditorView.theme({
  "&": { height: "100%", backgroundColor: "var(--bg)", color: "var(--fg)", fontSize: "12px" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace" },
  ".cm-gutters": {
    backgroundColor: "var(--panel)",
    color: "var(--muted)",
    borderRight: "1px solid var(--border)",
  },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--accent) 8%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "color-mix(in srgb, var(--accent) 12%, transparent)" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--fg)" },
});

/** Edits are applied this long after the last keystroke, so a word is parsed once, not per letter. */
const APPLY_DELAY_MS = 250;
/** The longest an edit made elsewhere waits for an idle moment before the text shows it. */
const IDLE_WAIT_MS = 100;

function showError(view: EditorView, draft: JsonDraft | null): void {
  const error = draft?.error ?? null;
  if (error === null) {
    view.dispatch(setDiagnostics(view.state, []));
    return;
  }
  const lines = view.state.doc.lines;
  const line = view.state.doc.line(Math.min(Math.max(1, error.line), lines));
  const from = Math.min(line.from + Math.max(0, error.column - 1), line.to);
  view.dispatch(
    setDiagnostics(view.state, [
      { from, to: Math.max(from, line.to), severity: "error", message: error.message },
    ]),
  );
}

function JsonError() {
  const error = useAppStore((s) => s.jsonDraft?.error ?? null);
  if (error === null)
    return <p className="json-hint muted">Edits apply as you type; Undo takes them back.</p>;
  return (
    <p className="json-error" role="alert">
      Line {error.line}, column {error.column}: {error.message} — the canvas keeps the last valid document
      until this is fixed.
    </p>
  );
}

/** Runs `task` once the browser is idle (within a frame or two at the latest); returns a cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(task, { timeout: IDLE_WAIT_MS });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 0);
  return () => clearTimeout(timer);
}

/** The editor; mounted lazily with the JSON tab. */
export default function JsonView() {
  const store = useStoreApi();
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = host.current;
    const initial = store.getState();
    if (element === null || initial.doc === null) return;
    // In a shadow root CodeMirror styles itself with constructed style sheets, which the page's
    // Content-Security-Policy (style-src 'self') allows; in the document it would add <style> tags.
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: "open" });
    const parent = document.createElement("div");
    parent.style.height = "100%";
    shadow.replaceChildren(parent);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let applying = false;
    const view = new EditorView({
      parent,
      root: shadow,
      state: EditorState.create({
        doc: initial.jsonDraft?.text ?? serializeDocument(initial.doc.document),
        extensions: [
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          history(),
          bracketMatching(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          json(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.contentAttributes.of({ "aria-label": "Pipeline JSON" }),
          THEME,
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || applying) return;
            if (timer !== undefined) clearTimeout(timer);
            timer = setTimeout(() => {
              timer = undefined;
              store.getState().jsonTextEdited(view.state.doc.toString());
            }, APPLY_DELAY_MS);
          }),
        ],
      }),
    });
    showError(view, initial.jsonDraft);

    // The document changed elsewhere (canvas, inspector, undo): show it, unless the user's text is
    // the source. Once the browser is idle, not in the keystroke's own task: the field being typed
    // in paints first, and keys typed in a burst are shown in the text together.
    let pending: (() => void) | null = null;
    const follow = () => {
      pending = null;
      const state = store.getState();
      if (state.doc === null || state.jsonDraft !== null) return;
      const change = textChange(view.state.doc.toString(), serializeDocument(state.doc.document));
      if (change === null) return;
      applying = true;
      view.dispatch({ changes: change });
      applying = false;
    };
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.jsonDraft !== previous.jsonDraft) showError(view, state.jsonDraft);
      if (
        state.doc === null ||
        state.jsonDraft !== null ||
        (state.doc.document === previous.doc?.document && previous.jsonDraft === null)
      )
        return;
      pending ??= whenIdle(follow);
    });
    return () => {
      pending?.();
      // Text typed in the last moment is not dropped when the tab closes.
      if (timer !== undefined) {
        clearTimeout(timer);
        store.getState().jsonTextEdited(view.state.doc.toString());
      }
      unsubscribe();
      view.destroy();
    };
  }, [store]);

  return (
    <div className="json-view">
      <JsonError />
      <div className="json-editor" ref={host} />
    </div>
  );
}
