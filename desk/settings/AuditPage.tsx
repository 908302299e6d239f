import { useState } from 'preact/hooks';
import type { AuditEntryView } from '../../shared/admin';
import { settingsQuery } from '../models/HashRouteModel';
import type { AuditQuery } from './settings-api';
import { SettingsTable, type TableColumn } from './SettingsTable';
import { Field, FormError, formatWhen } from './common';
import type { SettingsPageProps } from './pages';
import { useLoad } from './use-load';
import { useDeskT, type DeskTexts } from '../i18n/i18n';

const dayStart = (date: string) => (date ? new Date(`${date}T00:00:00`).toISOString() : undefined);
const dayEnd = (date: string) => (date ? new Date(`${date}T23:59:59.999`).toISOString() : undefined);

const auditColumns = (t: DeskTexts): readonly TableColumn<AuditEntryView>[] => [
  { header: t.t('when'), rowHeader: true, cell: (e) => <time dateTime={e.at}>{formatWhen(e.at, t)}</time> },
  { header: t.t('who'), cell: (e) => e.actor.label },
  { header: t.t('from'), cell: (e) => e.ip ?? '' },
  { header: t.t('action'), cell: (e) => e.action },
  {
    header: t.t('target'),
    cell: (e) => (
      <>
        {e.target.type} <code>{e.target.id ?? ''}</code>
      </>
    ),
  },
  {
    header: t.t('whatChanged'),
    cell: (e) => (
      <ul class="settings__changes">
        {Object.entries(e.changes).map(([field, c]) => (
          <li key={field}>
            {field}: {JSON.stringify(c.from)} → {JSON.stringify(c.to)}
          </li>
        ))}
      </ul>
    ),
  },
];

/** Audit log: who changed what, when and from where, filtered by action, actor, target and dates. */
export function AuditPage({ api }: SettingsPageProps) {
  // Opened from a page's "last change" link, the log starts filtered to that page's target.
  const t = useDeskT();
  const [initial] = useState(() => {
    const q = settingsQuery(window.location.hash);
    return { action: q.get('action') ?? '', actor: q.get('actor') ?? '', target: q.get('target') ?? '' };
  });
  const [draft, setDraft] = useState({ ...initial, from: '', to: '' });
  const [query, setQuery] = useState<AuditQuery>(initial);
  const entries = useLoad(() => api.audit(query), [api, query]);
  const submit = (e: Event) => {
    e.preventDefault();
    const next: AuditQuery = { action: draft.action.trim(), actor: draft.actor.trim(), target: draft.target.trim() };
    const from = dayStart(draft.from);
    const to = dayEnd(draft.to);
    setQuery({ ...next, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  };
  const input = (field: keyof typeof draft, label: string, type: 'text' | 'date' = 'text', hint?: string) => (
    <Field id={`audit-${field}`} label={label} {...(hint ? { hint } : {})}>
      {type === 'date' ? (
        <input id={`audit-${field}`} type="date" value={draft[field]} onInput={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })} />
      ) : (
        <input id={`audit-${field}`} type="text" value={draft[field]} onInput={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })} />
      )}
    </Field>
  );
  return (
    <section class="settings__page" aria-labelledby="audit-title">
      <h2 id="audit-title">{t.t('settings_audit')}</h2>
      <form class="settings__filters" onSubmit={submit} aria-label={t.t('filterAudit')}>
        {input('action', t.t('action'), 'text', t.t('actionHint'))}
        {input('actor', t.t('who'), 'text', t.t('whoHint'))}
        {input('target', t.t('target'), 'text', t.t('targetHint'))}
        {input('from', t.t('from'), 'date')}
        {input('to', t.t('to'), 'date')}
        <button type="submit" class="btn btn--primary">
          {t.t('filter')}
        </button>
      </form>
      <FormError message={entries.error} />
      <SettingsTable
        caption={t.t('auditCaption')}
        columns={auditColumns(t)}
        rows={entries.value ?? []}
        rowKey={(e) => e.id}
        {...(entries.value ? { empty: t.t('nothingMatchesFilters') } : {})}
      />
    </section>
  );
}
