import { useT } from '../../i18n/context';
import type { Messenger } from '../messenger';
import { useLazyComponent } from './lazy';

const loadRequests = () => import('../requests/MessengerRequests').then((m) => m.MessengerRequests);

export interface RequestsToggleProps {
  /** Whether "Your requests" is showing (then the button goes back to the chat). */
  open: boolean;
  onToggle: () => void;
}

/** The header button between the chat and "Your requests". */
export function RequestsToggle({ open, onToggle }: RequestsToggleProps) {
  const i18n = useT();
  return (
    <button type="button" class="fd-header-button" onClick={onToggle}>
      {i18n.t(open ? 'backToChat' : 'yourRequests')}
    </button>
  );
}

export interface RequestsPanelProps {
  messenger: Messenger;
}

/** What the lazily loaded module exports (`../requests/MessengerRequests.tsx`). */
export interface MessengerRequestsProps {
  messenger: Messenger;
}

/**
 * "Your requests", loaded on first use with a dynamic import, so the messenger's first load stays small.
 */
export function RequestsPanel({ messenger }: RequestsPanelProps) {
  const View = useLazyComponent(loadRequests);
  const i18n = useT();
  return (
    <div class="fd-requests-panel">
      {View && View !== 'failed' ? (
        <View messenger={messenger} />
      ) : View === 'failed' ? (
        <p class="fd-notice" role="alert">
          {i18n.t('requestsFailed')}
        </p>
      ) : (
        <p class="fd-requests-panel__loading">{i18n.t('loadingRequests')}</p>
      )}
    </div>
  );
}
