import type { WebhookDelivery } from '../../../shared/webhooks';

export interface DeliveryLogProps {
  deliveries: readonly WebhookDelivery[];
  busy: boolean;
  onRedeliver: (id: string) => void;
  onRefresh: () => void;
}

const STATUS_TEXT: Record<WebhookDelivery['status'], string> = { queued: 'Retrying', delivered: 'Delivered', failed: 'Failed' };

function statusText(d: WebhookDelivery): string {
  if (d.status === 'queued' && d.attempts === 0) return 'Waiting';
  return STATUS_TEXT[d.status];
}

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** The newest deliveries of one endpoint: what was sent, how it went, and "Redeliver". Answers are shown as text. */
export function DeliveryLog({ deliveries, busy, onRedeliver, onRefresh }: DeliveryLogProps) {
  return (
    <section class="webhook-deliveries" aria-labelledby="webhook-deliveries-title">
      <h3 id="webhook-deliveries-title">Deliveries</h3>
      <button type="button" onClick={onRefresh} disabled={busy}>
        Refresh
      </button>
      {deliveries.length === 0 ? (
        <p>No deliveries yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Response</th>
              <th scope="col">Time</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last attempt</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td>
                  <code>{d.type}</code>
                </td>
                <td>{statusText(d)}</td>
                <td title={d.responseExcerpt ?? undefined}>{d.responseStatus ?? (d.responseExcerpt ? 'No answer' : '—')}</td>
                <td>{d.durationMs === null ? '—' : `${d.durationMs} ms`}</td>
                <td>{d.attempts}</td>
                <td>{time(d.lastAttemptAt)}</td>
                <td>
                  <button type="button" disabled={busy} onClick={() => onRedeliver(d.id)} aria-label={`Redeliver ${d.type} of ${time(d.createdAt)}`}>
                    Redeliver
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
