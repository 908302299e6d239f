import { useState } from 'preact/hooks';
import { FormError, SitePicker, formatWhen } from './common';
import { LastChange } from './LastChange';
import { SettingsTable } from './SettingsTable';
import { CopyBlock } from './CopyBlock';
import type { SettingsPageProps } from './pages';
import { useAction, useLoad } from './use-load';
import { useDeskT } from '../i18n/i18n';

/** Identity: a site's verification secrets (generate, rotate, revoke) and how many visitors verified in the last day. */
export function IdentityPage({ api }: SettingsPageProps) {
  const t = useDeskT();
  const sites = useLoad(() => api.listSites(), [api]);
  const [key, setKey] = useState<string | null>(null);
  const siteKey = key ?? sites.value?.[0]?.key ?? null;
  const summary = useLoad(async () => (siteKey ? api.identity(siteKey) : null), [api, siteKey]);
  const [kind, setKind] = useState<'jwt' | 'user_hash'>('jwt');
  const [shown, setShown] = useState<{ id: string; secret: string } | null>(null);
  const action = useAction();

  const generate = (k: 'jwt' | 'user_hash') =>
    action.run(async () => {
      if (!siteKey) return;
      const created = await api.createSecret(siteKey, k);
      setShown({ id: created.id, secret: created.secret });
      await summary.reload();
    });
  const revoke = (id: string) => {
    if (!siteKey || !window.confirm(t.t('revokeSecretQuestion'))) return;
    void action.run(async () => {
      await api.revokeSecret(siteKey, id);
      await summary.reload();
    });
  };

  return (
    <section class="settings__page" aria-labelledby="identity-title">
      <h2 id="identity-title">{t.t('identityVerification')}</h2>
      <FormError message={sites.error ?? summary.error} />
      {sites.value && siteKey && <SitePicker sites={sites.value} value={siteKey} onChange={setKey} />}
      {summary.value && (
        <>
          <LastChange entry={summary.value.lastChange} {...(summary.value.lastChange?.target.id ? { filter: { action: 'identity_secret.', target: summary.value.lastChange.target.id } } : {})} />
          <p role="status">{summary.value.verifiedLastDay} visitors verified in the last day.</p>
          <SettingsTable
            caption={t.t('identitySecrets')}
            rows={summary.value.secrets}
            rowKey={(s) => s.id}
            columns={[
              { header: t.t('secretId'), rowHeader: true, cell: (s) => <code>{s.id}</code> },
              { header: t.t('kind'), cell: (s) => t.t(s.kind === 'jwt' ? 'kindJwt' : 'kindUserHash') },
              { header: t.t('created'), cell: (s) => formatWhen(s.createdAt, t) },
              {
                header: t.t('actions'),
                cell: (s) => (
                  <>
                    <button type="button" class="btn" onClick={() => void generate(s.kind)} disabled={action.busy} aria-label={t.t('rotateId', { id: s.id })}>
                      {t.t('rotate')}
                    </button>{' '}
                    <button type="button" class="btn btn--danger" onClick={() => revoke(s.id)} disabled={action.busy} aria-label={t.t('revokeId', { id: s.id })}>
                      {t.t('revokeButton')}
                    </button>
                  </>
                ),
              },
            ]}
          />
          <p class="muted">{t.t('rotateHint')}</p>
        </>
      )}
      <div class="settings__actions">
        <label class="field__label" for="secret-kind">
          {t.t('kind')}
        </label>
        <select id="secret-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value === 'user_hash' ? 'user_hash' : 'jwt')}>
          <option value="jwt">{t.t('jwtRecommended')}</option>
          <option value="user_hash">{t.t('userHashLong')}</option>
        </select>
        <button type="button" class="btn btn--primary" onClick={() => void generate(kind)} disabled={action.busy || !siteKey}>
          {t.t('generateSecret')}
        </button>
      </div>
      <FormError message={action.error} />
      {shown && (
        <div class="settings__once" role="status">
          <p>
            {t.t('secretShownOnce', { id: shown.id })}
          </p>
          <CopyBlock label={t.t('identitySecret')} text={shown.secret} />
        </div>
      )}
    </section>
  );
}
