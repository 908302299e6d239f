import { LEVELS } from '../../shared/priority';
import type { CentreId, Channel } from '../../shared/protocol';
import type { Report, ReportQuery } from '../../shared/reports';

// Values, not imports: the desk takes only types from the shared schemas' modules (zod stays out of its bundle).
const CENTRES: readonly CentreId[] = ['uk', 'us'];
const CHANNELS: readonly Channel[] = ['chat', 'email', 'phone', 'portal', 'api'];

export interface ReportFiltersProps {
  query: ReportQuery;
  agents: Report['agents'];
  onChange: (q: ReportQuery) => void;
}

function Choice({ label, value, options, onPick }: { label: string; value: string | undefined; options: readonly { value: string; label: string }[]; onPick: (v: string | undefined) => void }) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onPick((e.target as HTMLSelectElement).value || undefined)}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const simple = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** The date range and the filters; each change reloads the figures. */
export function ReportFilters({ query, agents, onChange }: ReportFiltersProps) {
  const set = (patch: Partial<ReportQuery>) => onChange({ ...query, ...patch });
  return (
    <form class="report-filters" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        From
        <input type="date" value={query.from} required onChange={(e) => set({ from: (e.target as HTMLInputElement).value })} />
      </label>
      <label>
        To
        <input type="date" value={query.to} required onChange={(e) => set({ to: (e.target as HTMLInputElement).value })} />
      </label>
      <label>
        Site id
        <input type="text" value={query.siteId ?? ''} onChange={(e) => set({ siteId: (e.target as HTMLInputElement).value.trim() || undefined })} />
      </label>
      <Choice label="Centre" value={query.centre} options={simple(CENTRES)} onPick={(v) => set({ centre: v as ReportQuery['centre'] })} />
      <Choice label="Channel" value={query.channel} options={simple(CHANNELS)} onPick={(v) => set({ channel: v as ReportQuery['channel'] })} />
      <Choice label="Priority" value={query.priority} options={simple(LEVELS)} onPick={(v) => set({ priority: v as ReportQuery['priority'] })} />
      <Choice label="Agent" value={query.agentId} options={agents.map((a) => ({ value: a.agentId, label: a.name }))} onPick={(v) => set({ agentId: v })} />
    </form>
  );
}
