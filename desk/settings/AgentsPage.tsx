import { useState } from 'preact/hooks';
import { Field, FormError } from './common';
import { PageLastChange } from './LastChange';
import type { SettingsPageProps } from './pages';
import type { TeamMember } from './settings-api';
import { SettingsTable, type TableColumn } from './SettingsTable';
import { useAction, useLoad } from './use-load';
import { useDeskT, type DeskTexts } from '../i18n/i18n';

const CENTRES = [
  { id: 'uk', label: 'centreUkLong' },
  { id: 'us', label: 'centreUsLong' },
] as const;

/** Agents: the team, inviting by email, role, centres, deactivation and password-reset links. */
export function AgentsPage({ api, agent: me }: SettingsPageProps) {
  const t = useDeskT();
  const team = useLoad(() => api.listAgents(), [api]);
  const action = useAction();
  const [notice, setNotice] = useState('');
  const change = (fn: () => Promise<unknown>, done: string) =>
    void action.run(async () => {
      await fn();
      setNotice(done);
      await team.reload();
    });
  return (
    <section class="settings__page" aria-labelledby="agents-title">
      <h2 id="agents-title">{t.t('settings_agents')}</h2>
      <PageLastChange api={api} agent={me} filter={{ target: 'agent' }} revision={team.value} />
      <FormError message={team.error ?? action.error} />
      <p role="status" class="settings__saved">
        {notice}
      </p>
      <SettingsTable
        caption={t.t('settings_agents')}
        rows={team.value ?? []}
        rowKey={(a) => a.id}
        columns={agentColumns({ me: me.id, busy: action.busy, api, onChange: change, t })}
      />
      <InviteForm
        onInvite={async (input) => {
          await api.inviteAgent(input);
          setNotice(t.t('invitationSent', { email: input.email }));
          await team.reload();
        }}
      />
    </section>
  );
}

interface AgentColumnsProps {
  /** The signed-in agent's id: nobody changes their own role or deactivates themselves here. */
  me: string;
  busy: boolean;
  api: SettingsPageProps['api'];
  onChange: (fn: () => Promise<unknown>, done: string) => void;
  t: DeskTexts;
}

/** The team table's columns: name, role, centres, status and the actions on one agent. */
function agentColumns({ me, busy, api, onChange, t }: AgentColumnsProps): TableColumn<TeamMember>[] {
  const toggleCentre = (a: TeamMember, id: string) => {
    const centres = a.centres ?? [];
    const next = centres.includes(id) ? centres.filter((c) => c !== id) : [...centres, id];
    onChange(() => api.updateAgent(a.id, { centres: next }), t.t('agentWorksIn', { name: a.name, centres: next.map((c) => t.t(c === 'us' ? 'centre_us' : 'centre_uk')).join(', ') || t.t('everyCentre') }));
  };
  return [
    {
      header: t.t('name'),
      rowHeader: true,
      cell: (a) => (
        <>
          {a.name}
          <br />
          <span class="muted">{a.email}</span>
        </>
      ),
    },
    {
      header: t.t('role'),
      cell: (a) => (
        <select
          aria-label={t.t('roleOf', { name: a.name })}
          value={a.role}
          disabled={busy || a.id === me}
          onChange={(e) => {
            const role = e.currentTarget.value === 'admin' ? 'admin' : 'agent';
            onChange(() => api.updateAgent(a.id, { role }), t.t(role === 'admin' ? 'nowAdmin' : 'nowAgent', { name: a.name }));
          }}
        >
          <option value="agent">{t.t('role_agent')}</option>
          <option value="admin">{t.t('role_admin')}</option>
        </select>
      ),
    },
    {
      header: t.t('centres'),
      cell: (a) =>
        CENTRES.map((c) => (
          <label key={c.id} class="settings__check">
            <input type="checkbox" checked={(a.centres ?? []).includes(c.id)} disabled={busy} onChange={() => toggleCentre(a, c.id)} aria-label={t.t('worksIn', { name: a.name, centre: t.t(c.label) })} /> {t.t(c.id === 'us' ? 'centre_us' : 'centre_uk')}
          </label>
        )),
    },
    { header: t.t('status'), cell: (a) => t.t(!a.active ? 'agentDeactivated' : a.invited ? 'agentInvited' : 'agentActive') },
    {
      header: t.t('actions'),
      cell: (a) => (
        <>
          {a.id !== me && a.active && (
            <button type="button" class="btn btn--danger" disabled={busy} onClick={() => onChange(() => api.updateAgent(a.id, { active: false }), t.t('deactivatedEverywhere', { name: a.name }))}>
              {t.t('deactivate', { name: a.name })}
            </button>
          )}
          {a.id !== me && !a.active && (
            <button type="button" class="btn" disabled={busy} onClick={() => onChange(() => api.updateAgent(a.id, { active: true }), t.t('activeAgain', { name: a.name }))}>
              {t.t('reactivate', { name: a.name })}
            </button>
          )}{' '}
          {a.active && (
            <button type="button" class="btn" disabled={busy} onClick={() => onChange(() => api.sendPasswordReset(a.id), t.t('resetMailed', { email: a.email }))}>
              {t.t('sendReset', { name: a.name })}
            </button>
          )}
        </>
      ),
    },
  ];
}

function InviteForm({ onInvite }: { onInvite: (input: { email: string; name: string; role: 'admin' | 'agent'; centres: string[] }) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const t = useDeskT();
  const [name, setName] = useState('');
  const [role, setRole] = useState<'admin' | 'agent'>('agent');
  const [centres, setCentres] = useState<string[]>([]);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await action.run(() => onInvite({ email, name, role, centres }))) {
      setEmail('');
      setName('');
      setCentres([]);
    }
  };
  return (
    <form class="settings__form settings__form--inline" onSubmit={submit} aria-label={t.t('inviteAgent')}>
      <h3 class="section-title">{t.t('inviteAgent')}</h3>
      <Field id="invite-email" label={t.t('email')}>
        <input id="invite-email" type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </Field>
      <Field id="invite-name" label={t.t('name')}>
        <input id="invite-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      <Field id="invite-role" label={t.t('role')}>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value === 'admin' ? 'admin' : 'agent')}>
          <option value="agent">{t.t('role_agent')}</option>
          <option value="admin">{t.t('role_admin')}</option>
        </select>
      </Field>
      <fieldset class="settings__group">
        <legend>{t.t('centresNoneEvery')}</legend>
        {CENTRES.map((c) => (
          <label key={c.id} class="settings__check">
            <input type="checkbox" checked={centres.includes(c.id)} onChange={(e) => setCentres(e.currentTarget.checked ? [...centres, c.id] : centres.filter((x) => x !== c.id))} /> {t.t(c.label)}
          </label>
        ))}
      </fieldset>
      <FormError message={action.error} />
      <button type="submit" class="btn btn--primary" disabled={action.busy}>
        {t.t('sendInvitation')}
      </button>
    </form>
  );
}
