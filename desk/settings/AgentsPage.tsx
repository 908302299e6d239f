import { useState } from 'preact/hooks';
import { Field, FormError } from './common';
import { PageLastChange } from './LastChange';
import type { SettingsPageProps } from './pages';
import type { TeamMember } from './settings-api';
import { SettingsTable, type TableColumn } from './SettingsTable';
import { useAction, useLoad } from './use-load';

const CENTRES = [
  { id: 'uk', label: 'UK centre' },
  { id: 'us', label: 'US centre' },
];

/** Agents: the team, inviting by email, role, centres, deactivation and password-reset links. */
export function AgentsPage({ api, agent: me }: SettingsPageProps) {
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
      <h2 id="agents-title">Agents</h2>
      <PageLastChange api={api} agent={me} filter={{ target: 'agent' }} revision={team.value} />
      <FormError message={team.error ?? action.error} />
      <p role="status" class="settings__saved">
        {notice}
      </p>
      <SettingsTable
        caption="Agents"
        rows={team.value ?? []}
        rowKey={(a) => a.id}
        columns={agentColumns({ me: me.id, busy: action.busy, api, onChange: change })}
      />
      <InviteForm
        onInvite={async (input) => {
          await api.inviteAgent(input);
          setNotice(`Invitation sent to ${input.email}`);
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
}

/** The team table's columns: name, role, centres, status and the actions on one agent. */
function agentColumns({ me, busy, api, onChange }: AgentColumnsProps): TableColumn<TeamMember>[] {
  const toggleCentre = (a: TeamMember, id: string) => {
    const centres = a.centres ?? [];
    const next = centres.includes(id) ? centres.filter((c) => c !== id) : [...centres, id];
    onChange(() => api.updateAgent(a.id, { centres: next }), `${a.name} now works in ${next.join(', ') || 'every centre'}`);
  };
  return [
    {
      header: 'Name',
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
      header: 'Role',
      cell: (a) => (
        <select
          aria-label={`Role of ${a.name}`}
          value={a.role}
          disabled={busy || a.id === me}
          onChange={(e) => {
            const role = e.currentTarget.value === 'admin' ? 'admin' : 'agent';
            onChange(() => api.updateAgent(a.id, { role }), `${a.name} is now ${role === 'admin' ? 'an admin' : 'an agent'}`);
          }}
        >
          <option value="agent">Agent</option>
          <option value="admin">Admin</option>
        </select>
      ),
    },
    {
      header: 'Centres',
      cell: (a) =>
        CENTRES.map((c) => (
          <label key={c.id} class="settings__check">
            <input type="checkbox" checked={(a.centres ?? []).includes(c.id)} disabled={busy} onChange={() => toggleCentre(a, c.id)} aria-label={`${a.name} works in the ${c.label}`} /> {c.id.toUpperCase()}
          </label>
        )),
    },
    { header: 'Status', cell: (a) => (!a.active ? 'Deactivated' : a.invited ? 'Invited' : 'Active') },
    {
      header: 'Actions',
      cell: (a) => (
        <>
          {a.id !== me && a.active && (
            <button type="button" class="btn btn--danger" disabled={busy} onClick={() => onChange(() => api.updateAgent(a.id, { active: false }), `${a.name} is deactivated and signed out everywhere`)}>
              Deactivate {a.name}
            </button>
          )}
          {a.id !== me && !a.active && (
            <button type="button" class="btn" disabled={busy} onClick={() => onChange(() => api.updateAgent(a.id, { active: true }), `${a.name} is active again`)}>
              Reactivate {a.name}
            </button>
          )}{' '}
          {a.active && (
            <button type="button" class="btn" disabled={busy} onClick={() => onChange(() => api.sendPasswordReset(a.id), `A reset link was mailed to ${a.email}`)}>
              Send reset link to {a.name}
            </button>
          )}
        </>
      ),
    },
  ];
}

function InviteForm({ onInvite }: { onInvite: (input: { email: string; name: string; role: 'admin' | 'agent'; centres: string[] }) => Promise<void> }) {
  const [email, setEmail] = useState('');
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
    <form class="settings__form settings__form--inline" onSubmit={submit} aria-label="Invite an agent">
      <h3 class="section-title">Invite an agent</h3>
      <Field id="invite-email" label="Email">
        <input id="invite-email" type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </Field>
      <Field id="invite-name" label="Name">
        <input id="invite-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      <Field id="invite-role" label="Role">
        <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value === 'admin' ? 'admin' : 'agent')}>
          <option value="agent">Agent</option>
          <option value="admin">Admin</option>
        </select>
      </Field>
      <fieldset class="settings__group">
        <legend>Centres (none: every centre)</legend>
        {CENTRES.map((c) => (
          <label key={c.id} class="settings__check">
            <input type="checkbox" checked={centres.includes(c.id)} onChange={(e) => setCentres(e.currentTarget.checked ? [...centres, c.id] : centres.filter((x) => x !== c.id))} /> {c.label}
          </label>
        ))}
      </fieldset>
      <FormError message={action.error} />
      <button type="submit" class="btn btn--primary" disabled={action.busy}>
        Send invitation
      </button>
    </form>
  );
}
