import type { Report } from '../../shared/reports';
import { useDeskT } from '../i18n/i18n';
import { centreLabel } from '../format';

/** Sunday first, as `weekday` counts: 4 January 1970 was a Sunday. */
const SUNDAY = Date.UTC(1970, 0, 4);
const DAYS = Array.from({ length: 7 }, (_, d) => SUNDAY + d * 86_400_000);
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * Tickets per UTC weekday and hour as a coloured grid (darker is busier); each cell names the centres that took
 * them, so the follow-the-sun hand-over shows as the UK rows giving way to the US ones.
 */
export function HourOfWeekGrid({ cells }: { cells: Report['volume']['byHourOfWeek'] }) {
  const t = useDeskT();
  const max = Math.max(1, ...cells.map((c) => c.count));
  const at = (weekday: number, hour: number) => cells.filter((c) => c.weekday === weekday && c.hour === hour);
  return (
    <table class="heatmap">
      <caption>{t.t('heatmapCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t.t('day')}</th>
          {HOURS.map((h) => (
            <th key={h} scope="col">
              {String(h).padStart(2, '0')}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {DAYS.map((day, weekday) => (
          <tr key={day}>
            <th scope="row">{t.date(day, { weekday: 'short', timeZone: 'UTC' })}</th>
            {HOURS.map((hour) => {
              const here = at(weekday, hour);
              const count = here.reduce((sum, c) => sum + c.count, 0);
              const centres = here.map((c) => `${centreLabel(c.centre, t)} ${t.number(c.count)}`).join(', ');
              return (
                <td key={hour} class={`heatmap__cell${here.some((c) => c.centre === 'us') ? ' heatmap__cell--us' : ''}`} style={{ '--heat': count / max }} title={centres || '0'}>
                  {count > 0 ? count : ''}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
