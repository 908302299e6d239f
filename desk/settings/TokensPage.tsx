import { useState } from 'preact/hooks';
import { Field, FormError, formatWhen } from './common';
import { CopyBlock } from './CopyBlock';
import type { SettingsPageProps } from './pages';
import { PageLastChange } from './LastChange';
import { SettingsTable } from './SettingsTable';
import { useAction, useLoad } from './use-load';

/** API tokens: create (shown once), name, expiry, last used, revoke. Each agent sees their own. */
export function TokensPage({ api, agent }: SettingsPageProps) {
  const tokens = useLoad(() => api.listTokens(), [api]);
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const action = useAction();
  const create = async (e: Event) => {
    e.preventDefault();
    await action.run(async () => {
      const created = await api.createToken({ name: name || 'API token', ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}) });
      setShown(created.token);
      setName('');
      setExpires('');
      await tokens.reload();
    });
  };
  const revoke = (id: string, label: string) => {
    if (!window.confirm(`Revoke ${label}? Integrations using it stop working at once.`)) return;
    void action.run(async () => {
      await api.revokeToken(id);
      await tokens.reload();
    });
  };
  return (
    <section class="settings__page" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <PageLastChange api={api} agent={agent} filter={{ target: 'token' }} revision={tokens.value} />
      <FormError message={tokens.error} />
      <SettingsTable
        caption="API tokens"
        rows={tokens.value ?? []}
        rowKey={(t) => t.id}
        columns={[
          { header: 'Name', rowHeader: true, cell: (t) => t.name },
          { header: 'Created', cell: (t) => formatWhen(t.createdAt) },
          { header: 'Expires', cell: (t) => (t.expiresAt ? formatWhen(t.expiresAt) : 'Never') },
          { header: 'Last used', cell: (t) => (t.lastUsedAt ? formatWhen(t.lastUsedAt) : 'Not used yet') },
          {
            header: 'Actions',
            cell: (t) => (
              <button type="button" class="btn btn--danger" onClick={() => revoke(t.id, t.name)} disabled={action.busy}>
                Revoke {t.name}
              </button>
            ),
          },
        ]}
      />
      <form class="settings__form settings__form--inline" onSubmit={create} aria-label="New API token">
        <h3 class="section-title">New token</h3>
        <Field id="token-name" label="Token name">
          <input id="token-name" maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field id="token-expires" label="Expires on (optional)">
          <input id="token-expires" type="date" value={expires} onInput={(e) => setExpires(e.currentTarget.value)} />
        </Field>
        <FormError message={action.error} />
        <button type="submit" class="btn btn--primary" disabled={action.busy}>
          Create token
        </button>
      </form>
      {shown && (
        <div class="settings__once" role="status">
          <p>Your new token, shown this once. Send it as Authorization: Bearer &lt;token&gt;.</p>
          <CopyBlock label="API token" text={shown} />
        </div>
      )}
    </section>
  );
}
