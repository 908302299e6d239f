import { useState } from 'preact/hooks';
import { LEVELS, type Level } from '../../../shared/priority';
import { formatDateTime } from '../../format';
import type { TicketPreview } from './operations-types';

/** Places a site owner is likely to ask about, with their zones; any other IANA zone can be typed. */
export const PREVIEW_PLACES: readonly { label: string; timeZone: string }[] = [
  { label: 'London', timeZone: 'Europe/London' },
  { label: 'Berlin', timeZone: 'Europe/Berlin' },
  { label: 'New York', timeZone: 'America/New_York' },
  { label: 'San Francisco', timeZone: 'America/Los_Angeles' },
  { label: 'São Paulo', timeZone: 'America/Sao_Paulo' },
  { label: 'Mumbai', timeZone: 'Asia/Kolkata' },
  { label: 'Tokyo', timeZone: 'Asia/Tokyo' },
  { label: 'Sydney', timeZone: 'Australia/Sydney' },
];

const LEVEL_NAMES: Record<Level, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export interface OperationsPreviewProps {
  preview: TicketPreview | null;
  error: string | null;
  /** "Preview" pressed: the server answers by the rules real tickets get, under the unsaved changes. */
  onPreview: (priority: Level, timeZone: string, email?: string) => void;
}

/** The sentence an admin checks their changes by. */
export function previewSentence(p: TicketPreview, place: string): string {
  const due = p.firstResponseDueAt ? `due for a first response by ${formatDateTime(p.firstResponseDueAt)} and resolved by ${formatDateTime(p.resolutionDueAt)}` : 'not due while no centre opens';
  const plan = p.plan ? ` (on the plan ${p.plan.name})` : '';
  return `A ${LEVEL_NAMES[p.priority]} ticket received now from ${place} would go to the ${p.centreName}${plan} and be ${due}.`;
}

/** "A High ticket received now from London would go to … and be due at …". */
export function OperationsPreview({ preview, error, onPreview }: OperationsPreviewProps) {
  const [priority, setPriority] = useState<Level>('high');
  const [timeZone, setTimeZone] = useState('Europe/London');
  const [email, setEmail] = useState('');
  // The place the shown answer was asked for (the selects may have moved on since).
  const [asked, setAsked] = useState('');
  return (
    <section class="operations-preview" aria-labelledby="operations-preview-title">
      <h2 id="operations-preview-title">Preview</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(PREVIEW_PLACES.find((p) => p.timeZone === timeZone)?.label ?? timeZone);
          if (email.trim()) onPreview(priority, timeZone, email.trim());
          else onPreview(priority, timeZone);
        }}
      >
        <label>
          Priority
          <select value={priority} onChange={(e) => setPriority(e.currentTarget.value as Level)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Customer in
          <select value={timeZone} onChange={(e) => setTimeZone(e.currentTarget.value)}>
            {PREVIEW_PLACES.map((p) => (
              <option key={p.timeZone} value={p.timeZone}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Customer email (optional: a support plan may cover it)
          <input type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <button type="submit">Preview</button>
      </form>
      <p role="status">{preview ? previewSentence(preview, asked) : ''}</p>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
