import { useState } from 'preact/hooks';
import type { AuditQuery } from './settings-api';
import { Field, FormError, formatWhen } from './common';
import type { SettingsPageProps } from './pages';
import { useLoad } from './use-load';

const dayStart = (date: string) => (date ? new Date(`${date}T00:00:00`).toISOString() : undefined);
const dayEnd = (date: string) => (date ? new Date(`${date}T23:59:59.999`).toISOString() : undefined);

/** Audit log: who changed what, when and from where, filtered by action, actor, target and dates. */
export function AuditPage({ api }: SettingsPageProps) {
  const [draft, setDraft] = useState({ action: '', actor: '', target: '', from: '', to: '' });
  const [query, setQuery] = useState<AuditQuery>({});
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
      <h2 id="audit-title">Audit log</h2>
      <form class="settings__filters" onSubmit={submit} aria-label="Filter the audit log">
        {input('action', 'Action', 'text', 'e.g. site.updated, or site. for every site action')}
        {input('actor', 'Who', 'text', 'name, email or agent id')}
        {input('target', 'Target', 'text', 'an id, or site, agent, token, auth')}
        {input('from', 'From', 'date')}
        {input('to', 'To', 'date')}
        <button type="submit" class="btn btn--primary">
          Filter
        </button>
      </form>
      <FormError message={entries.error} />
      <table class="settings__table">
        <caption class="sr-only">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">From</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">What changed</th>
          </tr>
        </thead>
        <tbody>
          {entries.value?.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.at}>{formatWhen(e.at)}</time>
              </td>
              <td>{e.actor.label}</td>
              <td>{e.ip ?? ''}</td>
              <td>{e.action}</td>
              <td>
                {e.target.type} <code>{e.target.id ?? ''}</code>
              </td>
              <td>
                <ul class="settings__changes">
                  {Object.entries(e.changes).map(([field, c]) => (
                    <li key={field}>
                      {field}: {JSON.stringify(c.from)} → {JSON.stringify(c.to)}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.value?.length === 0 && <p class="muted">Nothing matches these filters.</p>}
    </section>
  );
}
