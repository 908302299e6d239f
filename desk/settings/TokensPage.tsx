import { useState } from 'preact/hooks';
import { Field, FormError, formatWhen } from './common';
import { CopyBlock } from './CopyBlock';
import type { SettingsPageProps } from './pages';
import { PageLastChange } from './LastChange';
import { SettingsTable } from './SettingsTable';
import { useAction, useLoad } from './use-load';
import { useDeskT } from '../i18n/i18n';

/** API tokens: create (shown once), name, expiry, last used, revoke. Each agent sees their own. */
export function TokensPage({ api, agent }: SettingsPageProps) {
  const t = useDeskT();
  const tokens = useLoad(() => api.listTokens(), [api]);
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const action = useAction();
  const create = async (e: Event) => {
    e.preventDefault();
    await action.run(async () => {
      const created = await api.createToken({ name: name || t.t('defaultTokenName'), ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}) });
      setShown(created.token);
      setName('');
      setExpires('');
      await tokens.reload();
    });
  };
  const revoke = (id: string, label: string) => {
    if (!window.confirm(t.t('revokeQuestion', { name: label }))) return;
    void action.run(async () => {
      await api.revokeToken(id);
      await tokens.reload();
    });
  };
  return (
    <section class="settings__page" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t.t('settings_tokens')}</h2>
      <PageLastChange api={api} agent={agent} filter={{ target: 'token' }} revision={tokens.value} />
      <FormError message={tokens.error} />
      <SettingsTable
        caption={t.t('settings_tokens')}
        rows={tokens.value ?? []}
        rowKey={(token) => token.id}
        columns={[
          { header: t.t('name'), rowHeader: true, cell: (token) => token.name },
          { header: t.t('created'), cell: (token) => formatWhen(token.createdAt, t) },
          { header: t.t('expires'), cell: (token) => (token.expiresAt ? formatWhen(token.expiresAt, t) : t.t('never')) },
          { header: t.t('lastUsed'), cell: (token) => (token.lastUsedAt ? formatWhen(token.lastUsedAt, t) : t.t('notUsedYet')) },
          {
            header: t.t('actions'),
            cell: (token) => (
              <button type="button" class="btn btn--danger" onClick={() => revoke(token.id, token.name)} disabled={action.busy}>
                {t.t('revoke', { name: token.name })}
              </button>
            ),
          },
        ]}
      />
      <form class="settings__form settings__form--inline" onSubmit={create} aria-label={t.t('newApiToken')}>
        <h3 class="section-title">{t.t('newToken')}</h3>
        <Field id="token-name" label={t.t('tokenName')}>
          <input id="token-name" maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field id="token-expires" label={t.t('expiresOn')}>
          <input id="token-expires" type="date" value={expires} onInput={(e) => setExpires(e.currentTarget.value)} />
        </Field>
        <FormError message={action.error} />
        <button type="submit" class="btn btn--primary" disabled={action.busy}>
          {t.t('createToken')}
        </button>
      </form>
      {shown && (
        <div class="settings__once" role="status">
          <p>{t.t('tokenShownOnce')}</p>
          <CopyBlock label={t.t('defaultTokenName')} text={shown} />
        </div>
      )}
    </section>
  );
}
