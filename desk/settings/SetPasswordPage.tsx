import { useState } from 'preact/hooks';
import { QUEUE_HREF } from '../models/HashRouteModel';
import { Field, FormError } from './common';
import type { SettingsApi } from './settings-api';
import { useAction } from './use-load';

/** The page of an invitation or reset link (`#/set-password?token=…`): choose a password, then sign in. */
export function SetPasswordPage({ api, token }: { api: SettingsApi; token: string | null }) {
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (token && (await action.run(() => api.acceptLink(token, password)))) setDone(true);
  };
  return (
    <main class="signin">
      <form class="signin__card" onSubmit={submit} aria-label="Set your password">
        <h1 class="signin__title">Set your password</h1>
        {done ? (
          <p role="status">
            Your password is set. <a href={QUEUE_HREF}>Sign in to the desk</a>.
          </p>
        ) : (
          <>
            {!token && <FormError message="This link has no token; open the link from your email again." />}
            <Field id="link-password" label="New password" hint="At least 10 characters">
              <input id="link-password" type="password" autoComplete="new-password" required minLength={10} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
            </Field>
            <FormError message={action.error} />
            <button type="submit" class="btn btn--primary" disabled={action.busy || !token}>
              Set password
            </button>
          </>
        )}
      </form>
    </main>
  );
}
