import { useState } from 'preact/hooks';
import type { CentreId } from '../../../shared/protocol';
import { LEVELS, type Level } from '../../../shared/priority';
import { formatDateTime, levelLabel } from '../../format';
import { englishTexts, useDeskT, type DeskKey, type DeskTexts } from '../../i18n/i18n';
import type { TicketPreview } from './operations-types';

/** Places a site owner is likely to ask about, with their zones; any other IANA zone can be typed. */
export const PREVIEW_PLACES: readonly { key: DeskKey; timeZone: string }[] = [
  { key: 'opsPlace_london', timeZone: 'Europe/London' },
  { key: 'opsPlace_berlin', timeZone: 'Europe/Berlin' },
  { key: 'opsPlace_newYork', timeZone: 'America/New_York' },
  { key: 'opsPlace_sanFrancisco', timeZone: 'America/Los_Angeles' },
  { key: 'opsPlace_saoPaulo', timeZone: 'America/Sao_Paulo' },
  { key: 'opsPlace_mumbai', timeZone: 'Asia/Kolkata' },
  { key: 'opsPlace_tokyo', timeZone: 'Asia/Tokyo' },
  { key: 'opsPlace_sydney', timeZone: 'Australia/Sydney' },
];

/** A place's name in the language; a zone typed by hand is shown as it is. */
export function placeName(timeZone: string, t: DeskTexts = englishTexts): string {
  const place = PREVIEW_PLACES.find((p) => p.timeZone === timeZone);
  return place ? t.t(place.key) : timeZone;
}

/** The centres by the names the desk gives them (the server's `centreName` is English). */
const CENTRE_NAMES: Record<CentreId, DeskKey> = { uk: 'centreUkLong', us: 'centreUsLong' };

export interface OperationsPreviewProps {
  preview: TicketPreview | null;
  error: string | null;
  /** "Preview" pressed: the server answers by the rules real tickets get, under the unsaved changes. */
  onPreview: (priority: Level, timeZone: string, email?: string) => void;
}

/** The sentence an admin checks their changes by, for a customer in `timeZone`. */
export function previewSentence(p: TicketPreview, timeZone: string, t: DeskTexts = englishTexts): string {
  const params = { level: levelLabel(p.priority, t), place: placeName(timeZone, t), centre: t.t(CENTRE_NAMES[p.centre]), plan: p.plan ? t.t('opsPreviewPlan', { name: p.plan.name }) : '' };
  return p.firstResponseDueAt
    ? t.t('opsPreviewDue', { ...params, first: formatDateTime(p.firstResponseDueAt, t), resolved: formatDateTime(p.resolutionDueAt, t) })
    : t.t('opsPreviewNotDue', params);
}

/** "A High ticket received now from London would go to … and be due at …". */
export function OperationsPreview({ preview, error, onPreview }: OperationsPreviewProps) {
  const t = useDeskT();
  const [priority, setPriority] = useState<Level>('high');
  const [timeZone, setTimeZone] = useState('Europe/London');
  const [email, setEmail] = useState('');
  // The zone the shown answer was asked for (the selects may have moved on since).
  const [asked, setAsked] = useState('');
  return (
    <section class="operations-preview" aria-labelledby="operations-preview-title">
      <h2 id="operations-preview-title">{t.t('opsPreview')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(timeZone);
          if (email.trim()) onPreview(priority, timeZone, email.trim());
          else onPreview(priority, timeZone);
        }}
      >
        <label>
          {t.t('priority')}
          <select value={priority} onChange={(e) => setPriority(e.currentTarget.value as Level)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {levelLabel(l, t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.t('opsCustomerIn')}
          <select value={timeZone} onChange={(e) => setTimeZone(e.currentTarget.value)}>
            {PREVIEW_PLACES.map((p) => (
              <option key={p.timeZone} value={p.timeZone}>
                {t.t(p.key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.t('opsCustomerEmail')}
          <input type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <button type="submit">{t.t('opsPreview')}</button>
      </form>
      <p role="status">{preview ? previewSentence(preview, asked, t) : ''}</p>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
