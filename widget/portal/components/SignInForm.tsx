import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { portal } from '../../i18n/portal';
import { useTexts } from '../../i18n/parts';
import type { PortalModel } from '../PortalModel';

export interface SignInFormProps {
  model: PortalModel;
}

/** "We sent a sign-in link to <strong>…</strong>.", the words around the address in the language's own order. */
function LinkSent({ text, email }: { text: string; email: string }) {
  const [before, after] = text.split('\u0000');
  return (
    <>
      {before}
      <strong>{email}</strong>
      {after}
    </>
  );
}

/** `Email` and `Email me a sign-in link`; then "Check your email". No password: the link proves the address. */
export function SignInForm({ model }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const sentTo = model.linkSentTo.value;
  const heading = useRef<HTMLHeadingElement>(null);
  const texts = useTexts(portal);
  useEffect(() => {
    if (sentTo) heading.current?.focus();
  }, [sentTo]);
  if (!texts) return null;

  if (sentTo) {
    return (
      <section class="portal-card" aria-labelledby="portal-check-title">
        <h2 id="portal-check-title" tabIndex={-1} ref={heading}>
          {texts.t('checkEmail')}
        </h2>
        <p>
          <LinkSent text={texts.t('linkSent', { email: '\u0000' })} email={sentTo} />
        </p>
        <p class="portal-muted">{texts.t('noMail')}</p>
        <button type="button" class="fd-req-button" onClick={() => model.anotherEmail()}>
          {texts.t('anotherEmail')}
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
      <h2 id="portal-signin-title">{texts.t('signInTitle')}</h2>
      <p class="portal-muted">{texts.t('signInWhy')}</p>
      <form class="portal-form" onSubmit={onSubmit} noValidate>
        <label for="portal-email">{texts.t('email')}</label>
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
            {texts.say(model.linkError.value)}
          </p>
        )}
        <button type="submit" class="fd-req-button fd-req-button--primary" disabled={model.sending.value}>
          {texts.t('sendLink')}
        </button>
      </form>
    </section>
  );
}
