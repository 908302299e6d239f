import { portal } from '../../i18n/portal';
import { useTexts } from '../../i18n/parts';
import { RequestsView } from '../../requests/components/RequestsView';
import type { PortalModel } from '../PortalModel';
import { NewRequestForm } from './NewRequestForm';
import { SignInForm } from './SignInForm';

export interface PortalAppProps {
  model: PortalModel;
}

/** The portal page: sign in by emailed link, then the customer's requests and the new-request form. */
export function PortalApp({ model }: PortalAppProps) {
  const status = model.status.value;
  const requests = model.requests;
  const texts = useTexts(portal);
  if (!texts) return null;
  return (
    <div class="portal">
      <header class="portal-header">
        <h1 class="portal-title">{texts.t('title')}</h1>
        {status === 'signed_in' && (
          <div class="portal-account">
            <span class="portal-muted">{texts.t('signedInAs', { email: model.email.value ?? '' })}</span>
            <button type="button" class="fd-req-button" onClick={() => void model.signOut()}>
              {texts.t('signOut')}
            </button>
          </div>
        )}
      </header>
      <main class="portal-main">
        {status === 'checking' && <p class="portal-muted">{texts.t('loading')}</p>}
        {status === 'signed_out' && <SignInForm model={model} />}
        {status === 'signed_in' &&
          (model.composing.value ? (
            <NewRequestForm
              onSubmit={(input) => model.submitNewRequest(input)}
              onCancel={() => model.closeNewRequest()}
              busy={requests.busy.value}
              error={requests.actionError.value}
            />
          ) : (
            <RequestsView
              model={requests}
              listActions={
                <button type="button" class="fd-req-button fd-req-button--primary portal-new" onClick={() => model.openNewRequest()}>
                  {texts.t('newRequest')}
                </button>
              }
            />
          ))}
      </main>
    </div>
  );
}
