import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Messenger } from '../messenger';

export interface RequestsToggleProps {
  /** Whether "Your requests" is showing (then the button goes back to the chat). */
  open: boolean;
  onToggle: () => void;
}

/** The header button between the chat and "Your requests". */
export function RequestsToggle({ open, onToggle }: RequestsToggleProps) {
  return (
    <button type="button" class="fd-header-button" onClick={onToggle}>
      {open ? 'Back to chat' : 'Your requests'}
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
          Your requests could not be loaded. Check your connection and try again.
        </p>
      ) : (
        <p class="fd-requests-panel__loading">Loading your requests…</p>
      )}
    </div>
  );
}
