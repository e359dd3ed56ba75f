/**
 * The triggers editor (V2): source action, and every push and pull-request filter with its branch,
 * tag and file-path globs. Each edit replaces exactly the member it changes, so filters and globs
 * the form does not show (excludes it has no field for, later members) are kept as they were.
 */
import type {
  GitConfiguration,
  GitFilterCriteria,
  GitPullRequestFilter,
  GitPushFilter,
  PipelineDeclaration,
  PipelineTriggerDeclaration,
} from "../../../shared/pipeline/model";
import { replaceAt, withMember, withMembers } from "../../../shared/pipeline/members";
import { setPipelineMembers } from "../../../shared/pipeline/operations";
import { useAppStore } from "../../store";
import { ListField, SelectField } from "./fields";
import { TriggerTestForm } from "./TriggerTestForm";

type Path = (string | number)[];

/** The criteria with one list set (or removed); undefined once it holds nothing. */
function criteria(
  c: GitFilterCriteria | undefined,
  member: "includes" | "excludes",
  list: string[] | undefined,
): GitFilterCriteria | undefined {
  const next = withMembers(c ?? {}, { [member]: list });
  return Object.keys(next).length === 0 ? undefined : next;
}

function Globs<F extends GitPushFilter | GitPullRequestFilter>({
  filter,
  path,
  members,
  onChange,
}: {
  filter: F;
  path: Path;
  members: readonly ("branches" | "tags" | "filePaths")[];
  onChange(next: F, field: string): void;
}) {
  const labels = { branches: "Branches", tags: "Tags", filePaths: "File paths" } as const;
  return (
    <>
      {members.flatMap((m) =>
        (["includes", "excludes"] as const).map((side) => (
          <ListField
            key={`${m}.${side}`}
            label={`${labels[m]}${side === "excludes" ? " excluded" : ""}`}
            path={[...path, m, side]}
            value={(filter as Record<string, GitFilterCriteria | undefined>)[m]?.[side]}
            onChange={(list) =>
              onChange(
                withMembers(filter, {
                  [m]: criteria((filter as Record<string, GitFilterCriteria | undefined>)[m], side, list),
                }),
                `${m}.${side}`,
              )
            }
          />
        )),
      )}
    </>
  );
}

const EVENTS = ["OPEN", "UPDATED", "CLOSED"] as const;

function TriggerEditor({
  git,
  index,
  sources,
  onChange,
  onRemove,
}: {
  git: GitConfiguration;
  index: number;
  sources: string[];
  /** `typing` names the text field an edit came from, so its keystrokes coalesce into one step. */
  onChange(next: GitConfiguration, typing?: string): void;
  onRemove(): void;
}) {
  const base: Path = ["triggers", index, "gitConfiguration"];
  const pushes = Array.isArray(git.push) ? git.push : [];
  const prs = Array.isArray(git.pullRequest) ? git.pullRequest : [];
  const setList = (member: "push" | "pullRequest", list: unknown[], typing?: string) =>
    onChange(withMembers(git, { [member]: list.length === 0 ? undefined : list }), typing);
  return (
    <div className="row-group" role="group" aria-label={`Trigger ${index + 1}`}>
      <SelectField
        label="Source action"
        path={[...base, "sourceActionName"]}
        required
        value={git.sourceActionName}
        options={sources}
        onChange={(name) => onChange(withMember(git, "sourceActionName", name ?? ""))}
      />
      {pushes.map((filter, j) => (
        <fieldset key={`push-${j}`} role="group" aria-label={`Push filter ${j + 1}`}>
          <legend>Push filter {j + 1}</legend>
          <Globs
            filter={filter}
            path={[...base, "push", j]}
            members={["branches", "tags", "filePaths"]}
            onChange={(next) =>
              setList(
                "push",
                replaceAt(pushes, j, () => next),
              )
            }
          />
          <button
            type="button"
            onClick={() =>
              setList(
                "push",
                pushes.filter((_, k) => k !== j),
              )
            }
          >
            Remove push filter {j + 1}
          </button>
        </fieldset>
      ))}
      {prs.map((filter, j) => (
        <fieldset key={`pr-${j}`} role="group" aria-label={`Pull request filter ${j + 1}`}>
          <legend>Pull request filter {j + 1}</legend>
          {EVENTS.map((event) => {
            const events = filter.events ?? [];
            return (
              <label key={event} className="check">
                <input
                  type="checkbox"
                  checked={events.includes(event)}
                  onChange={(e) => {
                    const next = e.target.checked ? [...events, event] : events.filter((x) => x !== event);
                    setList(
                      "pullRequest",
                      replaceAt(prs, j, (f) =>
                        withMembers(f, { events: next.length === 0 ? undefined : next }),
                      ),
                    );
                  }}
                />
                {event}
              </label>
            );
          })}
          <Globs
            filter={filter}
            path={[...base, "pullRequest", j]}
            members={["branches", "filePaths"]}
            onChange={(next) =>
              setList(
                "pullRequest",
                replaceAt(prs, j, () => next),
              )
            }
          />
          <button
            type="button"
            onClick={() =>
              setList(
                "pullRequest",
                prs.filter((_, k) => k !== j),
              )
            }
          >
            Remove pull request filter {j + 1}
          </button>
        </fieldset>
      ))}
      <div className="row-inline">
        <button
          type="button"
          onClick={() => setList("push", [...pushes, { branches: { includes: ["main"] } }])}
        >
          Add a push filter
        </button>
        <button
          type="button"
          onClick={() =>
            setList("pullRequest", [
              ...prs,
              { events: ["OPEN", "UPDATED"], branches: { includes: ["main"] } },
            ])
          }
        >
          Add a pull request filter
        </button>
      </div>
      <button type="button" onClick={onRemove}>
        Remove trigger {index + 1}
      </button>
    </div>
  );
}

/** The pipeline's triggers. */
export function TriggersFieldset({ pipeline }: { pipeline: PipelineDeclaration }) {
  const edited = useAppStore((s) => s.documentEdited);
  const triggers = Array.isArray(pipeline.triggers) ? pipeline.triggers : [];
  const sources = pipeline.stages.flatMap((s) =>
    s.actions.filter((a) => a.actionTypeId?.provider === "CodeStarSourceConnection").map((a) => a.name),
  );
  const set = (list: PipelineTriggerDeclaration[], typing?: string) =>
    edited(
      (p) => setPipelineMembers(p, { triggers: list.length === 0 ? undefined : list }),
      typing === undefined ? {} : { coalesce: `pipeline.triggers.${typing}` },
    );
  return (
    <fieldset>
      <legend>Triggers</legend>
      {triggers.map((t, i) => (
        <TriggerEditor
          key={i}
          git={t.gitConfiguration ?? { sourceActionName: "" }}
          index={i}
          sources={sources}
          onChange={(git, typing) =>
            set(
              replaceAt(triggers, i, (x) => withMember(x, "gitConfiguration", git)),
              typing === undefined ? undefined : `${i}.${typing}`,
            )
          }
          onRemove={() => set(triggers.filter((_, j) => j !== i))}
        />
      ))}
      <button
        type="button"
        disabled={sources.length === 0}
        title={
          sources.length === 0
            ? "Triggers need a Git connection (CodeStarSourceConnection) source action."
            : undefined
        }
        onClick={() =>
          set([
            ...triggers,
            {
              providerType: "CodeStarSourceConnection",
              gitConfiguration: {
                sourceActionName: sources[0] ?? "",
                push: [{ branches: { includes: ["main"] } }],
              },
            },
          ])
        }
      >
        Add a trigger
      </button>
      {sources.length > 0 && <TriggerTestForm pipeline={pipeline} />}
    </fieldset>
  );
}
