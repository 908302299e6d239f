import type { Calendar, OpeningPeriod, Weekday } from '../../../shared/calendar';

const WEEKDAYS: readonly { day: Weekday; name: string }[] = [
  { day: 1, name: 'Monday' },
  { day: 2, name: 'Tuesday' },
  { day: 3, name: 'Wednesday' },
  { day: 4, name: 'Thursday' },
  { day: 5, name: 'Friday' },
  { day: 6, name: 'Saturday' },
  { day: 0, name: 'Sunday' },
];

export interface HoursEditorProps {
  calendar: Calendar;
  onChange: (next: Calendar) => void;
  /** The refusal of the last save for this calendar, shown under its name. */
  error?: string | undefined;
}

/** One calendar: its weekly hours (several periods a day), its holiday region and extra closed days. */
export function HoursEditor({ calendar, onChange, error }: HoursEditorProps) {
  const setPeriods = (periods: OpeningPeriod[]) => onChange({ ...calendar, periods });
  const setPeriod = (i: number, change: Partial<OpeningPeriod>) => setPeriods(calendar.periods.map((p, j) => (j === i ? { ...p, ...change } : p)));
  const closures = calendar.closures ?? [];
  const id = `hours-${calendar.id}`;
  return (
    <fieldset class="hours-editor" {...(error ? { 'aria-describedby': `${id}-error`, 'aria-invalid': 'true' } : {})}>
      <legend>{calendar.name}</legend>
      <p>Times are in {calendar.timeZone}.</p>
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <table aria-label={`${calendar.name}: opening hours`}>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Opens</th>
            <th scope="col">Closes</th>
            <th scope="col">
              <span class="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {/* Periods have no id: a row is its position in the list. */}
          {calendar.periods.map((p, i) => (
            <tr key={i}>
              <td>
                <select aria-label={`Period ${i + 1} day`} value={p.weekday} onChange={(e) => setPeriod(i, { weekday: Number(e.currentTarget.value) as Weekday })}>
                  {WEEKDAYS.map((d) => (
                    <option key={d.day} value={d.day}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input type="time" aria-label={`Period ${i + 1} opens`} value={p.open} onInput={(e) => setPeriod(i, { open: e.currentTarget.value })} />
              </td>
              <td>
                <input type="time" aria-label={`Period ${i + 1} closes`} value={p.close === '24:00' ? '23:59' : p.close} onInput={(e) => setPeriod(i, { close: e.currentTarget.value })} />
              </td>
              <td>
                <button type="button" onClick={() => setPeriods(calendar.periods.filter((_, j) => j !== i))}>
                  Remove period {i + 1}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setPeriods([...calendar.periods, { weekday: 1, open: '09:00', close: '17:00' }])}>
        Add a period
      </button>
      <label>
        Holiday country (ISO code, empty for none)
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
        Holiday state or subdivision
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
      <label for={`${id}-closures`}>Closed days (one date per line, YYYY-MM-DD)</label>
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
