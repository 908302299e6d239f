import { useState } from 'preact/hooks';
import type { SessionModel } from '../models/SessionModel';
import { useDeskT } from '../i18n/i18n';
import { LanguagePicker } from '../i18n/LanguagePicker';

export interface SignInFormProps {
  session: SessionModel;
}

/** Email and password sign-in; the server sets the session cookie. */
export function SignInForm({ session }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const error = session.error.value;
  const busy = session.busy.value;
  const t = useDeskT();

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const ok = await session.login(email.trim(), password);
    if (!ok) setPassword('');
  };

  return (
    <main class="signin">
      <form class="signin__card" onSubmit={onSubmit} aria-busy={busy}>
        <h1 class="signin__title">Frontdesk</h1>
        <LanguagePicker />
        <p class="signin__lead">{t.t('signInLead')}</p>
        <div class="field">
          <label class="field__label" for="signin-email">
            {t.t('email')}
          </label>
          <input
            id="signin-email"
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label class="field__label" for="signin-password">
            {t.t('password')}
          </label>
          <input
            id="signin-password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="btn btn--primary" disabled={busy}>
          {t.t('signIn')}
        </button>
      </form>
    </main>
  );
}
