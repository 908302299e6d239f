import { useState } from 'preact/hooks';
import type { SessionModel } from '../models/SessionModel';
import { useDeskT } from '../i18n/i18n';

export interface ChangePasswordFormProps {
  session: SessionModel;
}

/** "Choose a new password": shown after signing in with the first run's generated password. */
export function ChangePasswordForm({ session }: ChangePasswordFormProps) {
  const [current, setCurrent] = useState('');
  const t = useDeskT();
  const [next, setNext] = useState('');
  const error = session.error.value;
  const busy = session.busy.value;

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (await session.changePassword(current, next)) return;
    setCurrent('');
  };

  return (
    <main class="signin">
      <form class="signin__card" onSubmit={onSubmit} aria-busy={busy}>
        <h1 class="signin__title">{t.t('choosePassword')}</h1>
        <p class="signin__lead">{t.t('choosePasswordLead')}</p>
        <div class="field">
          <label class="field__label" for="password-current">
            {t.t('currentPassword')}
          </label>
          <input id="password-current" type="password" autoComplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label class="field__label" for="password-next">
            {t.t('newPassword')}
          </label>
          <input id="password-next" type="password" autoComplete="new-password" required minLength={10} value={next} onInput={(e) => setNext(e.currentTarget.value)} />
        </div>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="btn btn--primary" disabled={busy}>
          {t.t('saveNewPassword')}
        </button>
      </form>
    </main>
  );
}
