import type { WebhookDelivery } from '../../../shared/webhooks';
import { SettingsTable, type TableColumn } from '../SettingsTable';
import { englishTexts, useDeskT, type DeskTexts } from '../../i18n/i18n';
import { formatDateTime } from '../../format';

export interface DeliveryLogProps {
  deliveries: readonly WebhookDelivery[];
  busy: boolean;
  onRedeliver: (id: string) => void;
  onRefresh: () => void;
}

function statusText(d: WebhookDelivery, t: DeskTexts): string {
  if (d.status === 'queued' && d.attempts === 0) return t.t('wh_waiting');
  return t.t(`wh_${d.status}`);
}

const time = (iso: string | null, t: DeskTexts = englishTexts) => (iso ? formatDateTime(iso, t) : '—');

function deliveryColumns(busy: boolean, onRedeliver: (id: string) => void, t: DeskTexts): TableColumn<WebhookDelivery>[] {
  return [
    { header: t.t('whEvent'), rowHeader: true, cell: (d) => <code>{d.type}</code> },
    { header: t.t('status'), cell: (d) => statusText(d, t) },
    { header: t.t('whResponse'), cell: (d) => <span title={d.responseExcerpt ?? undefined}>{d.responseStatus ?? (d.responseExcerpt ? t.t('whNoAnswer') : '—')}</span> },
    { header: t.t('whTime'), cell: (d) => (d.durationMs === null ? '—' : t.t('whMs', { n: t.number(d.durationMs) })) },
    { header: t.t('whAttempts'), cell: (d) => d.attempts },
    { header: t.t('whLastAttempt'), cell: (d) => time(d.lastAttemptAt, t) },
    {
      header: t.t('actions'),
      hideHeader: true,
      cell: (d) => (
        <button type="button" disabled={busy} onClick={() => onRedeliver(d.id)} aria-label={t.t('whRedeliverLabel', { type: d.type, time: time(d.createdAt, t) })}>
          {t.t('whRedeliver')}
        </button>
      ),
    },
  ];
}

/** The newest deliveries of one endpoint: what was sent, how it went, and "Redeliver". Answers are shown as text. */
export function DeliveryLog({ deliveries, busy, onRedeliver, onRefresh }: DeliveryLogProps) {
  const t = useDeskT();
  return (
    <section class="webhook-deliveries" aria-labelledby="webhook-deliveries-title">
      <h3 id="webhook-deliveries-title">{t.t('whDeliveries')}</h3>
      <button type="button" onClick={onRefresh} disabled={busy}>
        {t.t('whRefresh')}
      </button>
      {deliveries.length === 0 ? (
        <p>{t.t('whNoDeliveries')}</p>
      ) : (
        <SettingsTable caption={t.t('whDeliveriesCaption')} columns={deliveryColumns(busy, onRedeliver, t)} rows={deliveries} rowKey={(d) => d.id} />
      )}
    </section>
  );
}
