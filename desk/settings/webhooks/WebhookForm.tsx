import { useState } from 'preact/hooks';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../shared/webhook-events';
import { EventChoices } from './EventChoices';
import { useDeskT } from '../../i18n/i18n';

export interface WebhookFormProps {
  busy: boolean;
  /** Resolves true when the endpoint was added (the form then empties). */
  onCreate: (input: { url: string; events: WebhookEventType[]; description: string }) => Promise<boolean>;
}

/** Adds an endpoint: its URL, what it is for, and the events it wants. */
export function WebhookForm({ busy, onCreate }: WebhookFormProps) {
  const t = useDeskT();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([...WEBHOOK_EVENT_TYPES]);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await onCreate({ url: url.trim(), events, description: description.trim() })) {
      setUrl('');
      setDescription('');
      setEvents([...WEBHOOK_EVENT_TYPES]);
    }
  };
  return (
    <form class="webhook-form" aria-label={t.t('whAddWebhook')} onSubmit={(e) => void submit(e)}>
      <h2>{t.t('whAddWebhook')}</h2>
      <label>
        {t.t('whEndpointUrl')}
        <input type="url" required placeholder="https://example.com/frontdesk-hooks" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      </label>
      <label>
        {t.t('whDescription')}
        <input type="text" maxLength={500} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      </label>
      <EventChoices legend={t.t('whEventsToSend')} chosen={events} onChange={setEvents} />
      <button type="submit" disabled={busy || events.length === 0}>
        {t.t('whAdd')}
      </button>
    </form>
  );
}
