import {
  CircleHelp,
  Cpu,
  FlaskConical,
  GitBranch,
  Hammer,
  Rocket,
  Stamp,
  Zap,
  type LucideIcon,
} from "lucide-react";

/** One icon per category, drawn in the category's colour (see canvas.css); unknown types get "?". */
const ICONS: Readonly<Record<string, LucideIcon>> = {
  Source: GitBranch,
  Build: Hammer,
  Test: FlaskConical,
  Deploy: Rocket,
  Approval: Stamp,
  Invoke: Zap,
  Compute: Cpu,
};

/** The icon of an action's category. */
export function CategoryIcon({ category }: { category: string }) {
  const Icon = ICONS[category] ?? CircleHelp;
  return (
    <span className="category-icon" aria-hidden="true">
      <Icon size={16} />
    </span>
  );
}
