import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../shared/webhook-events';

/** What each event tells the receiver. */
export const EVENT_LABELS: Record<WebhookEventType, string> = {
  'ticket.created': 'A ticket is created',
  'ticket.updated': 'A ticket changes (status, priority, assignee…)',
  'message.created': 'A public message is written (never internal notes)',
  'ticket.sla_breached': 'An SLA deadline passes',
  'csat.submitted': 'A customer rates the help',
};

export interface EventChoicesProps {
  legend: string;
  chosen: readonly WebhookEventType[];
  onChange: (events: WebhookEventType[]) => void;
}

/** The event types as a group of checkboxes. */
export function EventChoices({ legend, chosen, onChange }: EventChoicesProps) {
  const toggle = (type: WebhookEventType, on: boolean) => onChange(WEBHOOK_EVENT_TYPES.filter((t) => (t === type ? on : chosen.includes(t))));
  return (
    <fieldset class="webhook-events">
      <legend>{legend}</legend>
      {WEBHOOK_EVENT_TYPES.map((type) => (
        <label key={type}>
          <input type="checkbox" checked={chosen.includes(type)} onChange={(e) => toggle(type, e.currentTarget.checked)} /> <code>{type}</code>: {EVENT_LABELS[type]}
        </label>
      ))}
    </fieldset>
  );
}
