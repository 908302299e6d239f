import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PortalModel } from '../PortalModel';

export interface SignInFormProps {
  model: PortalModel;
}

/** `Email` and `Email me a sign-in link`; then "Check your email". No password: the link proves the address. */
export function SignInForm({ model }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const sentTo = model.linkSentTo.value;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (sentTo) heading.current?.focus();
  }, [sentTo]);

  if (sentTo) {
    return (
      <section class="portal-card" aria-labelledby="portal-check-title">
        <h2 id="portal-check-title" tabIndex={-1} ref={heading}>
          Check your email
        </h2>
        <p>
          We sent a sign-in link to <strong>{sentTo}</strong>. Open it on this device to see your requests. It works once, within 15 minutes.
        </p>
        <p class="portal-muted">No mail after a few minutes? Look in your spam folder, or ask for another link.</p>
        <button type="button" class="fd-req-button" onClick={() => model.anotherEmail()}>
          Use another email or send again
        </button>
      </section>
    );
  }

  const onSubmit = (event: TargetedSubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void model.requestLink(email);
  };
  return (
    <section class="portal-card" aria-labelledby="portal-signin-title">
      <h2 id="portal-signin-title">Sign in to see your requests</h2>
      <p class="portal-muted">Enter the email address you contacted us from. We will email you a link that signs you in.</p>
      <form class="portal-form" onSubmit={onSubmit} noValidate>
        <label for="portal-email">Email</label>
        <input
          id="portal-email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
          aria-describedby={model.linkError.value ? 'portal-email-error' : undefined}
        />
        {model.linkError.value && (
          <p id="portal-email-error" class="fd-req-error" role="alert">
            {model.linkError.value}
          </p>
        )}
        <button type="submit" class="fd-req-button fd-req-button--primary" disabled={model.sending.value}>
          Email me a sign-in link
        </button>
      </form>
    </section>
  );
}
