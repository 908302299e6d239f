import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { WebhookDetail } from './WebhookDetail';
import { WebhookForm } from './WebhookForm';
import type { WebhooksModel } from './WebhooksModel';
import { useDeskT } from '../../i18n/i18n';

export interface WebhooksPageProps {
  model: WebhooksModel;
  /** The page's last change from the audit log, under its heading. */
  lastChange?: ComponentChildren;
}

/**
 * Settings → Webhooks (admins): the endpoints, one selected with its events, secret and delivery log, and a form
 * to add one. Deliveries are signed per Standard Webhooks; the README says how a receiver checks them.
 */
export function WebhooksPage({ model, lastChange }: WebhooksPageProps) {
  const t = useDeskT();
  useEffect(() => void model.load(), [model]);
  const selected = model.webhooks.value.find((w) => w.id === model.selectedId.value) ?? null;
  const error = model.error.value;
  return (
    <div class="settings-webhooks">
      <h1>{t.t('settings_webhooks')}</h1>
      {lastChange}
      <section aria-labelledby="webhook-list-title">
        <h2 id="webhook-list-title">{t.t('whEndpoints')}</h2>
        {model.webhooks.value.length === 0 ? (
          <p>{t.t('whNoWebhooks')}</p>
        ) : (
          <ul class="webhook-list">
            {model.webhooks.value.map((w) => (
              <li key={w.id}>
                <button type="button" aria-pressed={w.id === selected?.id} onClick={() => void model.select(w.id)}>
                  {w.url}
                </button>{' '}
                {w.enabled ? '' : `${t.t('whOff')} `}
                {t.t('whEventCount', { count: w.events.length })}
              </li>
            ))}
          </ul>
        )}
      </section>
      {selected && <WebhookDetail webhook={selected} model={model} />}
      <WebhookForm busy={model.busy.value} onCreate={(input) => model.create(input)} />
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <p role="status">{model.notice.value}</p>
    </div>
  );
}
