import type { Level } from '../../shared/priority';
import { LEVEL_LABELS } from '../format';

export interface PriorityBadgeProps {
  level: Level;
  /** Shown as a tooltip, e.g. "Priority" or "Urgency". */
  title?: string;
}

/** A coloured High / Medium / Low pill. */
export function PriorityBadge({ level, title = 'Priority' }: PriorityBadgeProps) {
  return (
    <span class={`badge badge--${level}`} title={`${title}: ${LEVEL_LABELS[level]}`}>
      {LEVEL_LABELS[level]}
    </span>
  );
}
