import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../shared/webhook-events';
import { useDeskT, type DeskKey } from '../../i18n/i18n';

export interface EventChoicesProps {
  legend: string;
  chosen: readonly WebhookEventType[];
  onChange: (events: WebhookEventType[]) => void;
}

/** The event types as a group of checkboxes, each with what it tells the receiver (`whEvent_<type>`). */
export function EventChoices({ legend, chosen, onChange }: EventChoicesProps) {
  const t = useDeskT();
  const toggle = (type: WebhookEventType, on: boolean) => onChange(WEBHOOK_EVENT_TYPES.filter((each) => (each === type ? on : chosen.includes(each))));
  return (
    <fieldset class="webhook-events">
      <legend>{legend}</legend>
      {WEBHOOK_EVENT_TYPES.map((type) => (
        <label key={type}>
          <input type="checkbox" checked={chosen.includes(type)} onChange={(e) => toggle(type, e.currentTarget.checked)} /> <code>{type}</code>: {t.t(`whEvent_${type}` as DeskKey)}
        </label>
      ))}
    </fieldset>
  );
}
