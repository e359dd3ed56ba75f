import { useState } from "react";
import { Dialog } from "../../dialogs/Dialog";
import { useAppStore } from "../../store";
import { ownerTagKeysOf, parseOwnerTagKeys } from "../../store/iac-slice";

/**
 * The tag keys that name a pipeline's owner besides CloudFormation's and CDK's own tags (which
 * always count): `ManagedBy` by default, for Terraform and similar tools. Saved in settings.json.
 */
export function OwnerTagKeysDialog() {
  const editing = useAppStore((s) => s.ownerTagKeysEditing);
  if (!editing) return null;
  return <OwnerTagKeysForm />;
}

function OwnerTagKeysForm() {
  const current = useAppStore(ownerTagKeysOf);
  const saved = useAppStore((s) => s.ownerTagKeysSaved);
  const dismissed = useAppStore((s) => s.ownerTagKeysDismissed);
  const error = useAppStore((s) => s.error);
  const [text, setText] = useState(current.join("\n"));
  const parsed = parseOwnerTagKeys(text);
  return (
    <Dialog title="Owner tag keys" onClose={dismissed}>
      <p>
        A pipeline tagged with one of these keys is managed by the tool the tag names (for example{" "}
        <code>ManagedBy = terraform</code>): it shows a banner, and Deploy warns that the tool reverts a direct
        update. CloudFormation and CDK are always recognised by their own <code>aws:</code> tags.
      </p>
      <label>
        Tag keys, one a line
        <textarea
          rows={4}
          value={text}
          aria-invalid={"problem" in parsed}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
        />
      </label>
      {"problem" in parsed && <p role="alert">{parsed.problem}</p>}
      {error !== null && <p role="alert">{error.message}</p>}
      <p className="muted">
        Applies to pipelines opened and deploys previewed from now on; no key at all means only CloudFormation
        and CDK are recognised.
      </p>
      <div className="deploy-buttons">
        <button
          type="button"
          className="primary"
          disabled={"problem" in parsed}
          onClick={() => "keys" in parsed && void saved(parsed.keys)}
        >
          Save keys
        </button>
      </div>
    </Dialog>
  );
}
