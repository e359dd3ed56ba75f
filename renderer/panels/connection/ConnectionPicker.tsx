import { useEffect, useState } from "react";
import type { ConnectionChoice } from "../../../shared/ipc";
import { useAppStore } from "../../store";

const SANDBOX_VALUE = "sandbox:";
const ENV_VALUE = "env:";

function valueOf(connection: ConnectionChoice): string {
  if (connection.kind === "sandbox") return SANDBOX_VALUE;
  return connection.profile === undefined ? ENV_VALUE : `profile:${connection.profile}`;
}

/**
 * The toolbar's connection picker: the embedded sandbox (no credentials needed) or an AWS profile
 * and region, with "Test connection" showing the account and ARN. Only names reach this view.
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

  return (
    <div className="connection-picker" role="group" aria-label="Connection">
      <label>
        Connection
        <select value={valueOf(connection)} onChange={(e) => choose(e.target.value)}>
          <option value={SANDBOX_VALUE}>Sandbox (local)</option>
          {profiles?.profiles.map((p) =>
            p.kind === "env" ? (
              <option key={p.name} value={ENV_VALUE}>
                Environment credentials
              </option>
            ) : (
              <option key={p.name} value={`profile:${p.name}`}>
                {p.name} ({p.kind})
              </option>
            ),
          )}
        </select>
      </label>
      {connection.kind === "aws" && (
        <label>
          Region
          <input
            value={region}
            size={12}
            aria-invalid={!regionValid}
            onChange={(e) => setRegion(e.target.value.trim())}
            onBlur={() => {
              if (regionValid && region !== connection.region) picked({ ...connection, region });
            }}
          />
        </label>
      )}
      <button type="button" disabled={test.status === "testing"} onClick={() => void testRequested()}>
        Test connection
      </button>
      <span
        className="connection-test"
        role="status"
        title={test.status === "ok" ? `Account ${test.identity.account} · ${test.identity.arn}` : undefined}
      >
        {test.status === "testing" && "Testing…"}
        {test.status === "ok" && (
          <>
            Account {test.identity.account} · <code>{test.identity.arn}</code>
          </>
        )}
        {test.status === "failed" && <span className="error-text">{test.error.message}</span>}
      </span>
    </div>
  );
}
