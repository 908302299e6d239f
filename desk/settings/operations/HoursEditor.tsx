import type { Calendar, OpeningPeriod, Weekday } from '../../../shared/calendar';
import { useDeskT, type DeskTexts } from '../../i18n/i18n';

/** The week as the select lists it, Monday first. */
const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** A weekday's name in the language, by `Intl` (4 January 1970, day 0 of the week, was a Sunday). */
const weekdayName = (day: Weekday, t: DeskTexts) => t.date(Date.UTC(1970, 0, 4 + day), { weekday: 'long' }, 'UTC');

export interface HoursEditorProps {
  calendar: Calendar;
  onChange: (next: Calendar) => void;
  /** The refusal of the last save for this calendar, shown under its name. */
  error?: string | undefined;
  /** Its name on screen, in the agent's language (the calendar's own name when not given). */
  title?: string;
}

/** One calendar: its weekly hours (several periods a day), its holiday region and extra closed days. */
export function HoursEditor({ calendar, onChange, error, title = calendar.name }: HoursEditorProps) {
  const t = useDeskT();
  const setPeriods = (periods: OpeningPeriod[]) => onChange({ ...calendar, periods });
  const setPeriod = (i: number, change: Partial<OpeningPeriod>) => setPeriods(calendar.periods.map((p, j) => (j === i ? { ...p, ...change } : p)));
  const closures = calendar.closures ?? [];
  const id = `hours-${calendar.id}`;
  return (
    <fieldset class="hours-editor" {...(error ? { 'aria-describedby': `${id}-error`, 'aria-invalid': 'true' } : {})}>
      <legend>{title}</legend>
      <p>{t.t('opsTimesIn', { zone: calendar.timeZone })}</p>
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <table aria-label={t.t('opsOpeningHours', { name: title })}>
        <thead>
          <tr>
            <th scope="col">{t.t('day')}</th>
            <th scope="col">{t.t('opsOpens')}</th>
            <th scope="col">{t.t('opsCloses')}</th>
            <th scope="col">
              <span class="sr-only">{t.t('remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {/* Periods have no id: a row is its position in the list. */}
          {calendar.periods.map((p, i) => {
            const n = t.number(i + 1);
            return (
              <tr key={i}>
                <td>
                  <select aria-label={t.t('opsPeriodDay', { n })} value={p.weekday} onChange={(e) => setPeriod(i, { weekday: Number(e.currentTarget.value) as Weekday })}>
                    {WEEKDAYS.map((day) => (
                      <option key={day} value={day}>
                        {weekdayName(day, t)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input type="time" aria-label={t.t('opsPeriodOpens', { n })} value={p.open} onInput={(e) => setPeriod(i, { open: e.currentTarget.value })} />
                </td>
                <td>
                  <input type="time" aria-label={t.t('opsPeriodCloses', { n })} value={p.close === '24:00' ? '23:59' : p.close} onInput={(e) => setPeriod(i, { close: e.currentTarget.value })} />
                </td>
                <td>
                  <button type="button" onClick={() => setPeriods(calendar.periods.filter((_, j) => j !== i))}>
                    {t.t('opsRemovePeriod', { n })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={() => setPeriods([...calendar.periods, { weekday: 1, open: '09:00', close: '17:00' }])}>
        {t.t('opsAddPeriod')}
      </button>
      <label>
        {t.t('opsHolidayCountry')}
        <input
          type="text"
          value={calendar.holidays?.country ?? ''}
          maxLength={2}
          onInput={(e) => {
            const country = e.currentTarget.value.trim().toUpperCase();
            onChange({ ...calendar, holidays: country ? { ...(calendar.holidays ?? {}), country } : null });
          }}
        />
      </label>
      <label>
        {t.t('opsHolidayState')}
        <input
          type="text"
          value={calendar.holidays?.state ?? ''}
          disabled={!calendar.holidays}
          onInput={(e) => {
            const state = e.currentTarget.value.trim().toUpperCase();
            const { state: _old, ...rest } = calendar.holidays ?? { country: '' };
            onChange({ ...calendar, holidays: { ...rest, ...(state ? { state } : {}) } });
          }}
        />
      </label>
      <label for={`${id}-closures`}>{t.t('opsClosedDays')}</label>
      <textarea
        id={`${id}-closures`}
        rows={3}
        value={closures.join('\n')}
        onInput={(e) =>
          onChange({
            ...calendar,
            closures: e.currentTarget.value
              .split('\n')
              .map((d) => d.trim())
              .filter(Boolean),
          })
        }
      />
    </fieldset>
  );
}
