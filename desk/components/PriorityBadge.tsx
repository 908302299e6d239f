import type { Level } from '../../shared/priority';
import { levelLabel } from '../format';
import { useDeskT } from '../i18n/i18n';

export interface PriorityBadgeProps {
  level: Level;
  /** Shown as a tooltip, e.g. "Priority" or "Urgency". */
  title?: string;
}

/** A coloured High / Medium / Low pill. */
export function PriorityBadge({ level, title }: PriorityBadgeProps) {
  const t = useDeskT();
  const label = levelLabel(level, t);
  return (
    <span class={`badge badge--${level}`} title={t.t('labelled', { label: title ?? t.t('priority'), value: label })}>
      {label}
    </span>
  );
}
