import { useState } from 'preact/hooks';
import { Field, FormError } from './common';
import type { SettingsPageProps } from './pages';
import { useAction } from './use-load';

/** Own profile: who you are, and a new password (every other session of yours ends). */
export function ProfilePage({ api, agent }: SettingsPageProps) {
  const [current, setCurrent] = useState('');
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
      <h2 id="profile-title">Your profile</h2>
      <dl class="details__grid">
        <dt>Name</dt>
        <dd>{agent.name}</dd>
        <dt>Email</dt>
        <dd>{agent.email}</dd>
        <dt>Role</dt>
        <dd>{agent.role === 'admin' ? 'Admin' : 'Agent'}</dd>
      </dl>
      <form class="settings__form settings__form--inline" onSubmit={submit} aria-label="Change your password">
        <h3 class="section-title">Change your password</h3>
        <Field id="profile-current" label="Current password">
          <input id="profile-current" type="password" autoComplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </Field>
        <Field id="profile-next" label="New password" hint="At least 10 characters; your other sessions end">
          <input id="profile-next" type="password" autoComplete="new-password" required minLength={10} value={next} onInput={(e) => setNext(e.currentTarget.value)} />
        </Field>
        <FormError message={action.error} />
        {done && <p role="status">Password changed.</p>}
        <button type="submit" class="btn btn--primary" disabled={action.busy}>
          Change password
        </button>
      </form>
    </section>
  );
}
