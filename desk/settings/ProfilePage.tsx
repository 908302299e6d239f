import { useState } from 'preact/hooks';
import { Field, FormError } from './common';
import type { SettingsPageProps } from './pages';
import { useAction } from './use-load';
import { useDeskT } from '../i18n/i18n';

/** Own profile: who you are, and a new password (every other session of yours ends). */
export function ProfilePage({ api, agent }: SettingsPageProps) {
  const [current, setCurrent] = useState('');
  const t = useDeskT();
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(false);
    if (await action.run(() => api.changePassword(current, next))) {
      setCurrent('');
      setNext('');
      setDone(true);
    }
  };
  return (
    <section class="settings__page" aria-labelledby="profile-title">
      <h2 id="profile-title">{t.t('yourProfile')}</h2>
      <dl class="details__grid">
        <dt>{t.t('name')}</dt>
        <dd>{agent.name}</dd>
        <dt>{t.t('email')}</dt>
        <dd>{agent.email}</dd>
        <dt>{t.t('role')}</dt>
        <dd>{t.t(agent.role === 'admin' ? 'role_admin' : 'role_agent')}</dd>
      </dl>
      <form class="settings__form settings__form--inline" onSubmit={submit} aria-label={t.t('changeYourPassword')}>
        <h3 class="section-title">{t.t('changeYourPassword')}</h3>
        <Field id="profile-current" label={t.t('currentPassword')}>
          <input id="profile-current" type="password" autoComplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </Field>
        <Field id="profile-next" label={t.t('newPassword')} hint={t.t('newPasswordHint')}>
          <input id="profile-next" type="password" autoComplete="new-password" required minLength={10} value={next} onInput={(e) => setNext(e.currentTarget.value)} />
        </Field>
        <FormError message={action.error} />
        {done && <p role="status">{t.t('passwordChanged')}</p>}
        <button type="submit" class="btn btn--primary" disabled={action.busy}>
          {t.t('changePassword')}
        </button>
      </form>
    </section>
  );
}
