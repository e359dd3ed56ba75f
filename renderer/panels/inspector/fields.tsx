/**
 * Form controls of the inspector. Each shows its label, a required mark, its description, and the
 * diagnostics that point at it, inline (from the same diagnostics as the problems panel).
 */
import { valueText } from "../../../shared/formats/value-description";
import { useId, useState, type ReactNode } from "react";
import { useShallow } from "zustand/react/shallow";
import type { ConfigField } from "../../../shared/catalog";
import type { Diagnostic } from "../../../shared/validate/diagnostic";
import {
  deployTimeTool,
  describeDeployTimeValue,
  isDeployTimeValue,
} from "../../../shared/iac/deploy-time-values";
import { useAppStore } from "../../store";
import { pipelinePath, selectDiagnostics } from "../../store/derived";

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/**
 * Diagnostics about the element at `path` (pipeline-relative). With `key`, also the findings that
 * name a missing configuration key of the configuration (or action) at `path`'s parent.
 */
export function useFieldDiagnostics(path: readonly (string | number)[], key?: string): Diagnostic[] {
  return useAppStore(
    useShallow((s) =>
      selectDiagnostics(s).filter((d) => {
        const at = pipelinePath(d.path);
        if (samePath(at, path)) return true;
        if (
          key === undefined ||
          d.code !== "missing-required-configuration" ||
          !d.message.endsWith(`: ${key}`)
        )
          return false;
        const owner = path.slice(0, -2);
        return samePath(at, path.slice(0, -1)) || samePath(at, owner);
      }),
    ),
  );
}

/** The diagnostics under a field, linked to it for screen readers. */
export function FieldErrors({ id, diagnostics }: { id: string; diagnostics: readonly Diagnostic[] }) {
  if (diagnostics.length === 0) return null;
  return (
    <ul className="field-errors" id={id}>
      {diagnostics.map((d, i) => (
        <li key={i} className={`field-error is-${d.severity}`}>
          {d.message}
        </li>
      ))}
    </ul>
  );
}

interface FieldProps {
  label: string;
  path: readonly (string | number)[];
  /** The configuration key, to pick up "missing required key" findings. */
  configKey?: string;
  required?: boolean;
  description?: string;
}

function Frame({
  label,
  path,
  configKey,
  required,
  description,
  children,
}: FieldProps & {
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const id = useId();
  const diagnostics = useFieldDiagnostics(path, configKey);
  const errorsId = `${id}-errors`;
  const descriptionId = `${id}-description`;
  const describedBy =
    [diagnostics.length > 0 ? errorsId : "", description !== undefined ? descriptionId : ""]
      .filter((x) => x !== "")
      .join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required === true && (
          <span className="required-mark" aria-hidden="true">
            {" "}
            *
          </span>
        )}
      </label>
      {children({ id, describedBy, invalid: diagnostics.some((d) => d.severity === "error") })}
      {description !== undefined && (
        <p className="field-description" id={descriptionId}>
          {description}
        </p>
      )}
      <FieldErrors id={errorsId} diagnostics={diagnostics} />
    </div>
  );
}

/**
 * A value a template resolves at deploy time (`!Ref ArtifactBucket`, `var.bucket`), shown as it is
 * written and read-only: it is edited in the template, and export writes it back unchanged.
 */
function DeployTimeInput(props: FieldProps & { value: unknown }) {
  const tool = isDeployTimeValue(props.value) ? deployTimeTool(props.value) : "the template";
  return (
    <Frame {...props}>
      {({ id, describedBy }) => (
        <input
          id={id}
          className="deploy-time-value"
          value={describeDeployTimeValue(props.value)}
          readOnly
          aria-readonly="true"
          aria-describedby={describedBy}
          title={`Resolved at deploy time by ${tool}; edit it in the template`}
        />
      )}
    </Frame>
  );
}

/** A text input; an empty value reports `undefined` so optional members are removed, not emptied. */
export function TextField(
  props: FieldProps & {
    value: string | undefined;
    onChange(value: string | undefined): void;
    placeholder?: string;
    multiline?: boolean;
  },
) {
  if (isDeployTimeValue(props.value)) return <DeployTimeInput {...props} />;
  // A file may hold anything here (an object, a number): it is shown as its JSON, never thrown on.
  const value = props.value === undefined ? undefined : valueText(props.value);
  return (
    <Frame {...props}>
      {({ id, describedBy, invalid }) =>
        props.multiline === true ? (
          <textarea
            id={id}
            value={value ?? ""}
            rows={4}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            aria-required={props.required}
            spellCheck={false}
            onChange={(e) => props.onChange(e.target.value === "" ? undefined : e.target.value)}
          />
        ) : (
          <input
            id={id}
            value={value ?? ""}
            placeholder={props.placeholder}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            aria-required={props.required}
            spellCheck={false}
            onChange={(e) => props.onChange(e.target.value === "" ? undefined : e.target.value)}
          />
        )
      }
    </Frame>
  );
}

/** A select over `options`; "(not set)" removes the member. A value outside the list is kept and shown. */
export function SelectField(
  props: FieldProps & {
    value: string | undefined;
    options: readonly string[];
    onChange(value: string | undefined): void;
    unsetLabel?: string;
  },
) {
  if (isDeployTimeValue(props.value)) return <DeployTimeInput {...props} />;
  // A file may hold anything here (an object, a number): it is shown as its JSON, never thrown on.
  const value = props.value === undefined ? undefined : valueText(props.value);
  const options =
    value !== undefined && !props.options.includes(value) ? [...props.options, value] : props.options;
  return (
    <Frame {...props}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={value ?? ""}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          aria-required={props.required}
          onChange={(e) => props.onChange(e.target.value === "" ? undefined : e.target.value)}
        >
          <option value="">{props.unsetLabel ?? "(not set)"}</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )}
    </Frame>
  );
}

/** A configuration key as a field: a select when the catalog lists the allowed values. */
export function ConfigFieldInput({
  field,
  value,
  path,
  onChange,
}: {
  field: ConfigField;
  value: string | undefined;
  path: readonly (string | number)[];
  onChange(value: string | undefined): void;
}) {
  const common = {
    label: field.key,
    path: [...path, field.key],
    configKey: field.key,
    required: field.required,
    description: field.description,
  };
  if (field.allowedValues !== undefined && field.listSeparator === undefined) {
    return <SelectField {...common} value={value} options={field.allowedValues} onChange={onChange} />;
  }
  return <TextField {...common} value={value} onChange={onChange} />;
}

/** Splits a list typed one item per line (or comma-separated) into its items. */
export function listFromText(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text
    .split(/[\n,]/)
    .map((t) => t.trim())
    .filter((t) => t !== "");
  return items.length === 0 ? undefined : items;
}

/**
 * A list typed as text (one item per line, or comma-separated): the text is kept locally while the
 * user types, so a trailing separator is not eaten; the list is sent on each change.
 */
export function ListField(
  props: FieldProps & {
    value: readonly string[] | undefined;
    onChange(value: string[] | undefined): void;
    multiline?: boolean;
  },
) {
  const separator = props.multiline === true ? "\n" : ", ";
  const [draft, setDraft] = useState<string | null>(null);
  const listed: unknown = props.value ?? [];
  const fromValue = Array.isArray(listed) ? listed.map(valueText).join(separator) : valueText(listed);
  const shown = draft !== null && sameList(listFromText(draft), props.value) ? draft : fromValue;
  return (
    <TextField
      {...props}
      value={shown === "" ? undefined : shown}
      onChange={(text) => {
        setDraft(text ?? "");
        props.onChange(listFromText(text));
      }}
    />
  );
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
