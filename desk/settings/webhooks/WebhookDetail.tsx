import type { Webhook } from '../../../shared/webhooks';
import type { WebhooksModel } from './WebhooksModel';
import { DeliveryLog } from './DeliveryLog';
import { EventChoices } from './EventChoices';

export interface WebhookDetailProps {
  webhook: Webhook;
  model: WebhooksModel;
}

/** One endpoint: on/off, its events, a new secret, delete, and its delivery log. */
export function WebhookDetail({ webhook, model }: WebhookDetailProps) {
  const busy = model.busy.value;
  const secret = model.secret.value;
  return (
    <section class="webhook-detail" aria-labelledby="webhook-detail-title">
      <h2 id="webhook-detail-title">{webhook.url}</h2>
      {webhook.description && <p>{webhook.description}</p>}
      <label>
        <input type="checkbox" checked={webhook.enabled} disabled={busy} onChange={(e) => void model.update(webhook.id, { enabled: e.currentTarget.checked })} /> Send deliveries
      </label>
      <EventChoices legend="Events" chosen={webhook.events} onChange={(events) => events.length > 0 && void model.update(webhook.id, { events })} />
      {secret?.webhookId === webhook.id && (
        <div class="webhook-secret" role="group" aria-label="Signing secret">
          <p>Copy this signing secret now: it is not shown again.</p>
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
          Rotate secret
        </button>
        <button type="button" disabled={busy} onClick={() => window.confirm(`Delete the webhook for ${webhook.url}?`) && void model.remove(webhook.id)}>
          Delete webhook
        </button>
      </div>
      <DeliveryLog deliveries={model.deliveries.value} busy={busy} onRedeliver={(id) => void model.redeliver(id)} onRefresh={() => void model.refreshDeliveries()} />
    </section>
  );
}
