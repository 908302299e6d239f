import type { ReplyDelivery } from '../../shared/reach';
import { formatDateTime } from '../format';

/** What each state says next to a reply: whether and how it reached the customer. */
export function deliveryText(d: ReplyDelivery): string {
  switch (d.state) {
    case 'seen':
      return 'Seen live';
    case 'mailed':
      return d.at ? `Mailed ${formatDateTime(d.at)}` : 'Mailed';
    case 'sending':
      return 'Mailing…';
    case 'failed':
      return 'Mail failed, retrying';
    case 'waiting':
      return d.at ? `Waiting: mailed at ${formatDateTime(d.at)} if unseen` : 'Waiting to be seen';
    case 'unreachable':
      return 'Not seen; no confirmed email';
  }
}

export function ReplyDeliveryBadge({ delivery }: { delivery: ReplyDelivery }) {
  return (
    <span class={`delivery delivery--${delivery.state}`} title={delivery.state === 'failed' ? delivery.error : undefined}>
      {deliveryText(delivery)}
    </span>
  );
}
