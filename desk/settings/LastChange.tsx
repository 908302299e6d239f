import type { AuditEntryView } from '../../shared/admin';
import type { AgentProfile } from '../../shared/protocol';
import { settingsHref } from '../models/HashRouteModel';
import { FormError, formatWhen } from './common';
import type { AuditQuery, SettingsApi } from './settings-api';
import { useLoad } from './use-load';
import { useDeskT } from '../i18n/i18n';

/** What the audit page is opened filtered by: an action (or a prefix ending in a dot) and a target id or type. */
export type AuditLink = Pick<AuditQuery, 'action' | 'target'>;

/** `#/settings/audit?target=…`: the audit log filtered to one page's changes. */
export function auditHref(filter: AuditLink): string {
  const params = new URLSearchParams(Object.entries(filter).flatMap(([k, v]) => (v ? [[k, v]] : [])));
  return `${settingsHref('audit')}?${params}`;
}

export interface LastChangeProps {
  entry: AuditEntryView | null | undefined;
  /** The audit log's filter for this page's changes (default: the entry's target). */
  filter?: AuditLink;
}

/** "Last change: site.updated by Alex <…> at 1 Dec, 14:02 (colour, greeting)", with a link to the filtered audit log. */
export function LastChange({ entry, filter }: LastChangeProps) {
  const t = useDeskT();
  if (!entry) return <p class="muted settings__last">{t.t('noChangesYet')}</p>;
  const fields = Object.keys(entry.changes);
  const link = filter ?? { target: entry.target.id ?? entry.target.type };
  return (
    <p class="muted settings__last">
      {t.t('lastChange', { action: entry.action, actor: entry.actor.label })} <time dateTime={entry.at}>{formatWhen(entry.at, t)}</time>
      {fields.length > 0 && t.t('changedFields', { fields: fields.join(', ') })}. <a href={auditHref(link)}>{t.t('allChangesInAudit')}</a>
    </p>
  );
}

export interface PageLastChangeProps {
  api: SettingsApi;
  agent: Pick<AgentProfile, 'role'>;
  /** Which audit entries are this page's (`{ target: 'agent' }`). */
  filter: AuditLink;
  /** Any value that changes after this page saves, so the line is read again. */
  revision?: unknown;
}

/** A page's last change, read from `GET /api/audit?…&limit=1`; admins only (the audit log is theirs). */
export function PageLastChange({ api, agent, filter, revision }: PageLastChangeProps) {
  // `{ entry }`, so "still loading" (null) and "nothing recorded" (`{ entry: null }`) read apart.
  const last = useLoad(async () => (agent.role === 'admin' ? { entry: (await api.audit({ ...filter, limit: 1 }))[0] ?? null } : null), [api, agent.role, filter.action, filter.target, revision]);
  if (last.error) return <FormError message={last.error} />;
  return last.value ? <LastChange entry={last.value.entry} filter={filter} /> : null;
}
