import {
  Ban,
  CircleCheck,
  CircleDashed,
  CircleHelp,
  CircleMinus,
  CirclePause,
  CircleSlash,
  CircleStop,
  LoaderCircle,
  OctagonX,
  SkipForward,
  type LucideIcon,
} from "lucide-react";
import type { Phase } from "../../shared/execution";

/**
 * Icon and words per run phase. Each phase that matters has its own shape (a check, an octagon, a
 * pause, a square, a spinner), so status never rests on colour alone.
 */
export const PHASE_LOOK: Readonly<Record<Phase, { Icon: LucideIcon; label: string }>> = {
  pending: { Icon: CircleDashed, label: "Pending" },
  waiting: { Icon: CirclePause, label: "Waiting for approval" },
  running: { Icon: LoaderCircle, label: "In progress" },
  stopping: { Icon: LoaderCircle, label: "Stopping" },
  succeeded: { Icon: CircleCheck, label: "Succeeded" },
  failed: { Icon: OctagonX, label: "Failed" },
  stopped: { Icon: CircleStop, label: "Stopped" },
  abandoned: { Icon: CircleSlash, label: "Abandoned" },
  superseded: { Icon: SkipForward, label: "Superseded" },
  cancelled: { Icon: Ban, label: "Cancelled" },
  skipped: { Icon: SkipForward, label: "Skipped" },
  "not-run": { Icon: CircleMinus, label: "Not run" },
  unknown: { Icon: CircleHelp, label: "Unknown" },
};

/** The phase's icon, decorative (the words beside it carry the meaning), in the phase's colour. */
export function StatusIcon({ phase, size = 14 }: { phase: Phase; size?: number }) {
  const { Icon } = PHASE_LOOK[phase];
  return (
    <Icon
      aria-hidden="true"
      size={size}
      className={`status-icon run-${phase}${phase === "running" || phase === "stopping" ? " is-spinning" : ""}`}
    />
  );
}
