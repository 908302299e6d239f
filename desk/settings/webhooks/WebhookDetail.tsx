import type { Webhook } from '../../../shared/webhooks';
import type { WebhooksModel } from './WebhooksModel';
import { DeliveryLog } from './DeliveryLog';
import { EventChoices } from './EventChoices';
import { useDeskT } from '../../i18n/i18n';

export interface WebhookDetailProps {
  webhook: Webhook;
  model: WebhooksModel;
}

/** One endpoint: on/off, its events, a new secret, delete, and its delivery log. */
export function WebhookDetail({ webhook, model }: WebhookDetailProps) {
  const t = useDeskT();
  const busy = model.busy.value;
  const secret = model.secret.value;
  return (
    <section class="webhook-detail" aria-labelledby="webhook-detail-title">
      <h2 id="webhook-detail-title">{webhook.url}</h2>
      {webhook.description && <p>{webhook.description}</p>}
      <label>
        <input type="checkbox" checked={webhook.enabled} disabled={busy} onChange={(e) => void model.update(webhook.id, { enabled: e.currentTarget.checked })} /> {t.t('whSendDeliveries')}
      </label>
      <EventChoices legend={t.t('whEvents')} chosen={webhook.events} onChange={(events) => events.length > 0 && void model.update(webhook.id, { events })} />
      {secret?.webhookId === webhook.id && (
        <div class="webhook-secret" role="group" aria-label={t.t('whSigningSecret')}>
          <p>{t.t('whCopySecretNow')}</p>
          <output>
            <code>{secret.secret}</code>
          </output>
          <button type="button" onClick={() => model.hideSecret()}>
            I have copied it
          </button>
        </div>
      )}
      <div class="webhook-detail__actions">
        <button type="button" disabled={busy} onClick={() => void model.rotateSecret(webhook.id)}>
          {t.t('whRotateSecret')}
        </button>
        <button type="button" disabled={busy} onClick={() => window.confirm(t.t('whDeleteQuestion', { url: webhook.url })) && void model.remove(webhook.id)}>
          {t.t('whDelete')}
        </button>
      </div>
      <DeliveryLog deliveries={model.deliveries.value} busy={busy} onRedeliver={(id) => void model.redeliver(id)} onRefresh={() => void model.refreshDeliveries()} />
    </section>
  );
}
