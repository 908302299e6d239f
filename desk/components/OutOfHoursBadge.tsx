import { useDeskT } from '../i18n/i18n';
export interface OutOfHoursBadgeProps {
  /** The ticket's flag: a phone call received outside the phone line's hours. */
  outOfHours: boolean;
}

/** "Out of hours" on a call that came in while the phone line was closed (it was queued, not answered live). */
export function OutOfHoursBadge({ outOfHours }: OutOfHoursBadgeProps) {
  const t = useDeskT();
  if (!outOfHours) return null;
  return (
    <span class="badge badge--ooh" title={t.t('outOfHoursTitle')}>
      {t.t('outOfHours')}
    </span>
  );
}
