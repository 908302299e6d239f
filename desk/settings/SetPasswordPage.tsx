import { useState } from 'preact/hooks';
import { QUEUE_HREF } from '../models/HashRouteModel';
import { Field, FormError } from './common';
import type { SettingsApi } from './settings-api';
import { useAction } from './use-load';
import { useDeskT } from '../i18n/i18n';

/** The page of an invitation or reset link (`#/set-password?token=…`): choose a password, then sign in. */
export function SetPasswordPage({ api, token }: { api: SettingsApi; token: string | null }) {
  const [password, setPassword] = useState('');
  const t = useDeskT();
  const [done, setDone] = useState(false);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (token && (await action.run(() => api.acceptLink(token, password)))) setDone(true);
  };
  return (
    <main class="signin">
      <form class="signin__card" onSubmit={submit} aria-label={t.t('setYourPassword')}>
        <h1 class="signin__title">{t.t('setYourPassword')}</h1>
        {done ? (
          <p role="status">
            {t.t('passwordSet')} <a href={QUEUE_HREF}>{t.t('signInToDesk')}</a>
          </p>
        ) : (
          <>
            {!token && <FormError message={t.t('linkHasNoToken')} />}
            <Field id="link-password" label={t.t('newPassword')} hint={t.t('atLeast10')}>
              <input id="link-password" type="password" autoComplete="new-password" required minLength={10} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
            </Field>
            <FormError message={action.error} />
            <button type="submit" class="btn btn--primary" disabled={action.busy || !token}>
              {t.t('setPassword')}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
