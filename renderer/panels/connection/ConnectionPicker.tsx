import { CircleAlert, CircleCheck, Cloud, LoaderCircle, PlugZap } from "lucide-react";
import { useEffect, useState } from "react";
import type { ConnectionChoice } from "../../../shared/ipc";
import { useAppStore } from "../../store";
import type { ConnectionTest } from "../../store/connection-slice";

const SANDBOX_VALUE = "sandbox:";
const ENV_VALUE = "env:";

function valueOf(connection: ConnectionChoice): string {
  if (connection.kind === "sandbox") return SANDBOX_VALUE;
  return connection.profile === undefined ? ENV_VALUE : `profile:${connection.profile}`;
}

/** What "Test connection" found, in words: who answered, or why not. */
export function testOutcome(test: ConnectionTest): string {
  switch (test.status) {
    case "idle":
      return "";
    case "testing":
      return "Testing the connection…";
    case "failed":
      return `The connection does not work: ${test.error.message}`;
    case "ok": {
      const unknown = test.identity.identityUnavailable;
      if (unknown === undefined) return `Connected: account ${test.identity.account} · ${test.identity.arn}`;
      return (
        `CodePipeline answers (${unknown.pipelineCount} pipeline${unknown.pipelineCount === 1 ? "" : "s"}), ` +
        `so deploying and watching work. Who you are could not be checked with AWS STS: ${unknown.reason}`
      );
    }
  }
}

/**
 * The toolbar's connection picker: the embedded sandbox (no credentials needed) or an AWS profile
 * and region, and "Test connection", whose outcome shows as an icon with the words on hover and to
 * screen readers. Only names reach this view. Long profile names are cut short with an ellipsis;
 * the full name is the control's tooltip.
 */
export function ConnectionPicker() {
  const connection = useAppStore((s) => s.connection);
  const profiles = useAppStore((s) => s.profiles);
  const test = useAppStore((s) => s.connectionTest);
  const picked = useAppStore((s) => s.connectionPicked);
  const profilesRequested = useAppStore((s) => s.profilesRequested);
  const testRequested = useAppStore((s) => s.connectionTestRequested);
  const [region, setRegion] = useState(connection.kind === "aws" ? connection.region : "");

  useEffect(() => {
    void profilesRequested();
  }, [profilesRequested]);
  useEffect(() => {
    if (connection.kind === "aws") setRegion(connection.region);
  }, [connection]);

  const choose = (value: string) => {
    if (value === SANDBOX_VALUE) return picked({ kind: "sandbox" });
    const name = value.startsWith("profile:") ? value.slice("profile:".length) : undefined;
    const profile = profiles?.profiles.find((p) => p.name === name);
    const next = profile?.region ?? profiles?.environmentRegion ?? (region || "us-east-1");
    picked(name === undefined ? { kind: "aws", region: next } : { kind: "aws", profile: name, region: next });
  };
  const regionValid = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region);
  const options = [
    { value: SANDBOX_VALUE, label: "Sandbox (local)" },
    ...(profiles?.profiles.map((p) =>
      p.kind === "env"
        ? { value: ENV_VALUE, label: "Environment credentials" }
        : { value: `profile:${p.name}`, label: `${p.name} (${p.kind})` },
    ) ?? []),
  ];
  const current = options.find((o) => o.value === valueOf(connection))?.label ?? "";
  const outcome = testOutcome(test);
  const warn = test.status === "ok" && test.identity.identityUnavailable !== undefined;

  return (
    <div className="connection-picker" role="group" aria-label="Connection">
      <label className="inline-label" title={`Connection: ${current}`}>
        <Cloud aria-hidden="true" size={16} />
        <span className="visually-hidden">Connection</span>
        <select
          value={valueOf(connection)}
          onChange={(e) => choose(e.target.value)}
          title={`Connection: ${current}`}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {connection.kind === "aws" && (
        <label className="inline-label">
          <span className="visually-hidden">Region</span>
          <input
            value={region}
            size={9}
            placeholder="region"
            aria-invalid={!regionValid}
            title={regionValid ? `Region: ${region}` : "A region looks like us-east-1"}
            onChange={(e) => setRegion(e.target.value.trim())}
            onBlur={() => {
              if (regionValid && region !== connection.region) picked({ ...connection, region });
            }}
          />
        </label>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label="Test connection"
        title={outcome === "" ? "Test connection" : outcome}
        disabled={test.status === "testing"}
        onClick={() => void testRequested()}
      >
        {test.status === "testing" ? (
          <LoaderCircle aria-hidden="true" size={16} className="is-spinning" />
        ) : test.status === "ok" && !warn ? (
          <CircleCheck aria-hidden="true" size={16} className="tone-success" />
        ) : test.status === "failed" || warn ? (
          <CircleAlert aria-hidden="true" size={16} className={warn ? "tone-warning" : "tone-error"} />
        ) : (
          <PlugZap aria-hidden="true" size={16} />
        )}
      </button>
      <span className="visually-hidden" role="status" aria-label="Connection test">
        {outcome}
      </span>
    </div>
  );
}
