import { useDeskT } from '../i18n/i18n';
export interface WithdrawnBadgeProps {
  /** When the customer withdrew (deleted) the ticket; null while it stands. */
  withdrawnAt: string | null;
}

/** "Withdrawn" on a ticket the customer deleted: its personal content is erased (README, "Deleting a request"). */
export function WithdrawnBadge({ withdrawnAt }: WithdrawnBadgeProps) {
  const t = useDeskT();
  if (!withdrawnAt) return null;
  return (
    <span class="badge badge--withdrawn" title={t.t('withdrawnTitle')}>
      {t.t('withdrawn')}
    </span>
  );
}
