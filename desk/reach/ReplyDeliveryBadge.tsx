import type { ReplyDelivery } from '../../shared/reach';
import { formatDateTime } from '../format';
import { englishTexts, useDeskT, type DeskTexts } from '../i18n/i18n';

/** What each state says next to a reply: whether and how it reached the customer. */
export function deliveryText(d: ReplyDelivery, t: DeskTexts = englishTexts): string {
  switch (d.state) {
    case 'seen':
      return t.t('delivery_seen');
    case 'mailed':
      return d.at ? t.t('delivery_mailedAt', { time: formatDateTime(d.at, t) }) : t.t('delivery_mailed');
    case 'sending':
      return t.t('delivery_sending');
    case 'failed':
      return t.t('delivery_failed');
    case 'waiting':
      return d.at ? t.t('delivery_waitingAt', { time: formatDateTime(d.at, t) }) : t.t('delivery_waiting');
    case 'unreachable':
      return t.t('delivery_unreachable');
  }
}

export function ReplyDeliveryBadge({ delivery }: { delivery: ReplyDelivery }) {
  const t = useDeskT();
  return (
    <span class={`delivery delivery--${delivery.state}`} title={delivery.state === 'failed' ? delivery.error : undefined}>
      {deliveryText(delivery, t)}
    </span>
  );
}
