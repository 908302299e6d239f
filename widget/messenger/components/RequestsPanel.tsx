import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n/context';
import type { Messenger } from '../messenger';

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
  const [View, setView] = useState<ComponentType<MessengerRequestsProps> | null>(null);
  const [failed, setFailed] = useState(false);
  const i18n = useT();
  useEffect(() => {
    let live = true;
    import('../requests/MessengerRequests').then(
      (module) => live && setView(() => module.MessengerRequests),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <div class="fd-requests-panel">
      {View ? (
        <View messenger={messenger} />
      ) : failed ? (
        <p class="fd-notice" role="alert">
          {i18n.t('requestsFailed')}
        </p>
      ) : (
        <p class="fd-requests-panel__loading">{i18n.t('loadingRequests')}</p>
      )}
    </div>
  );
}
