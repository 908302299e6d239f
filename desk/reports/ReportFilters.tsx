import { LEVELS } from '../../shared/priority';
import type { CentreId, Channel } from '../../shared/protocol';
import type { Report, ReportQuery } from '../../shared/reports';
import { useDeskT, type DeskTexts } from '../i18n/i18n';
import { centreLabel, channelLabel, levelLabel } from '../format';

// Values, not imports: the desk takes only types from the shared schemas' modules (zod stays out of its bundle).
const CENTRES: readonly CentreId[] = ['uk', 'us'];
const CHANNELS: readonly Channel[] = ['chat', 'email', 'phone', 'portal', 'api'];

export interface ReportFiltersProps {
  query: ReportQuery;
  agents: Report['agents'];
  onChange: (q: ReportQuery) => void;
}

function Choice({ label, value, options, onPick }: { label: string; value: string | undefined; options: readonly { value: string; label: string }[]; onPick: (v: string | undefined) => void }) {
  const t = useDeskT();
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onPick((e.target as HTMLSelectElement).value || undefined)}>
        <option value="">{t.t('all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const named = <V extends string>(values: readonly V[], label: (value: V, t: DeskTexts) => string, t: DeskTexts) => values.map((v) => ({ value: v, label: label(v, t) }));

/** The date range and the filters; each change reloads the figures. */
export function ReportFilters({ query, agents, onChange }: ReportFiltersProps) {
  const t = useDeskT();
  const set = (patch: Partial<ReportQuery>) => onChange({ ...query, ...patch });
  return (
    <form class="report-filters" aria-label={t.t('reportFilters')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t.t('from')}
        <input type="date" value={query.from} required onChange={(e) => set({ from: (e.target as HTMLInputElement).value })} />
      </label>
      <label>
        {t.t('to')}
        <input type="date" value={query.to} required onChange={(e) => set({ to: (e.target as HTMLInputElement).value })} />
      </label>
      <label>
        {t.t('siteId')}
        <input type="text" value={query.siteId ?? ''} onChange={(e) => set({ siteId: (e.target as HTMLInputElement).value.trim() || undefined })} />
      </label>
      <Choice label={t.t('centre')} value={query.centre} options={named(CENTRES, centreLabel, t)} onPick={(v) => set({ centre: v as ReportQuery['centre'] })} />
      <Choice label={t.t('channel')} value={query.channel} options={named(CHANNELS, channelLabel, t)} onPick={(v) => set({ channel: v as ReportQuery['channel'] })} />
      <Choice label={t.t('priority')} value={query.priority} options={named(LEVELS, levelLabel, t)} onPick={(v) => set({ priority: v as ReportQuery['priority'] })} />
      <Choice label={t.t('agent')} value={query.agentId} options={agents.map((a) => ({ value: a.agentId, label: a.name }))} onPick={(v) => set({ agentId: v })} />
    </form>
  );
}
