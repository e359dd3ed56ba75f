/**
 * Typed controls of the inspector: configuration keys by what the catalog says they hold (a switch
 * for "true"/"false", a number with its limits, a select of the allowed values), and numbers of the
 * model with the service model's limits.
 */
import { useState } from "react";
import type { ConfigField } from "../../../shared/catalog";
import { valueText } from "../../../shared/formats/value-description";
import { Switch } from "../../design/Switch";
import { Frame, SelectField, TextField, type FieldProps } from "./fields";

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
  if (field.valueType === "boolean") {
    return <BooleanTextField {...common} value={value} onChange={onChange} />;
  }
  if (field.valueType === "integer" || field.valueType === "number") {
    return (
      <NumberField
        {...common}
        integer={field.valueType === "integer"}
        min={field.min}
        max={field.max}
        value={value}
        onChange={(n) => onChange(n === undefined ? undefined : String(n))}
      />
    );
  }
  if (field.allowedValues !== undefined && field.listSeparator === undefined) {
    return <SelectField {...common} value={value} options={field.allowedValues} onChange={onChange} />;
  }
  return <TextField {...common} value={value} onChange={onChange} />;
}

/** "from 1 to 999", "1 or more", "at most 1000": a number's limits in words. */
export function rangeText(min: number | undefined, max: number | undefined): string | undefined {
  if (min !== undefined && max !== undefined) return `From ${min} to ${max}.`;
  if (min !== undefined) return `${min} or more.`;
  if (max !== undefined) return `At most ${max}.`;
  return undefined;
}

/**
 * A number with its limits (a number input with min, max and step). What the document holds is
 * shown as it is: a value that is not a number (`"runOrder": "abc"` typed in the JSON view) stays
 * visible in a text box with its error, never shown as a default. Typing a number writes it, even
 * out of range (the field's error then says so); clearing the box removes the member.
 */
export function NumberField(
  props: FieldProps & {
    /** Anything a file may hold here: a number, or a string or object shown as its text (and flagged). */
    value: unknown;
    onChange(value: number | undefined): void;
    integer?: boolean;
    min?: number | undefined;
    max?: number | undefined;
  },
) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = props.value === undefined ? "" : valueText(props.value);
  const numeric = text === "" || Number.isFinite(Number(text));
  const shown =
    draft !== null && (draft === "" ? text === "" : Number(draft) === Number(text)) ? draft : text;
  const hint = rangeText(props.min, props.max);
  return (
    <Frame {...props} hint={props.integer === true && hint !== undefined ? `A whole number. ${hint}` : hint}>
      {({ id, describedBy, invalid, focusKey }) => (
        <input
          id={id}
          data-focus-key={focusKey}
          type={numeric ? "number" : "text"}
          inputMode={props.integer === true ? "numeric" : "decimal"}
          min={props.min}
          max={props.max}
          step={props.integer === true ? 1 : "any"}
          value={shown}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          aria-required={props.required}
          onChange={(e) => {
            const typed = e.target.value;
            setDraft(typed);
            if (typed.trim() === "") return props.onChange(undefined);
            const n = Number(typed);
            if (Number.isFinite(n)) props.onChange(n);
          }}
        />
      )}
    </Frame>
  );
}

/**
 * A "true"/"false" configuration value as a switch. Unset is its own state (the service's default
 * applies), shown in the hint with a way back to it once set.
 */
export function BooleanTextField(
  props: FieldProps & { value: string | undefined; onChange(value: string | undefined): void },
) {
  const set = props.value !== undefined;
  const odd = set && props.value !== "true" && props.value !== "false";
  return (
    <Frame
      {...props}
      hint={
        odd
          ? `Holds "${props.value}", which is neither true nor false.`
          : set
            ? undefined
            : "Not set: the service's default applies."
      }
    >
      {({ id, describedBy, invalid, focusKey }) => (
        <div className="switch-row">
          <Switch
            id={id}
            checked={props.value === "true"}
            describedBy={describedBy}
            invalid={invalid}
            focusKey={focusKey}
            onChange={(on) => props.onChange(on ? "true" : "false")}
          ></Switch>
          <span className="switch-state">
            {props.value === "true" ? "true" : props.value === "false" ? "false" : "not set"}
          </span>
          {set && props.required !== true && (
            <button type="button" className="link" onClick={() => props.onChange(undefined)}>
              Unset
            </button>
          )}
        </div>
      )}
    </Frame>
  );
}
