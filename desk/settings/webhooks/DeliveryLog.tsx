import type { WebhookDelivery } from '../../../shared/webhooks';
import { SettingsTable, type TableColumn } from '../SettingsTable';

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

function deliveryColumns(busy: boolean, onRedeliver: (id: string) => void): TableColumn<WebhookDelivery>[] {
  return [
    { header: 'Event', rowHeader: true, cell: (d) => <code>{d.type}</code> },
    { header: 'Status', cell: statusText },
    { header: 'Response', cell: (d) => <span title={d.responseExcerpt ?? undefined}>{d.responseStatus ?? (d.responseExcerpt ? 'No answer' : '—')}</span> },
    { header: 'Time', cell: (d) => (d.durationMs === null ? '—' : `${d.durationMs} ms`) },
    { header: 'Attempts', cell: (d) => d.attempts },
    { header: 'Last attempt', cell: (d) => time(d.lastAttemptAt) },
    {
      header: 'Actions',
      hideHeader: true,
      cell: (d) => (
        <button type="button" disabled={busy} onClick={() => onRedeliver(d.id)} aria-label={`Redeliver ${d.type} of ${time(d.createdAt)}`}>
          Redeliver
        </button>
      ),
    },
  ];
}

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
        <SettingsTable caption="Deliveries of this endpoint, newest first" columns={deliveryColumns(busy, onRedeliver)} rows={deliveries} rowKey={(d) => d.id} />
      )}
    </section>
  );
}
