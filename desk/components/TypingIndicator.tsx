import { listOf, useDeskT } from '../i18n/i18n';
export interface TypingIndicatorProps {
  /** Names of customers typing now. */
  names: readonly string[];
}

/** "Ada is typing…", just above the composer where the agent is looking. */
export function TypingIndicator({ names }: TypingIndicatorProps) {
  const t = useDeskT();
  return (
    <p class="typing" aria-live="polite">
      {names.length > 0 && t.t('typing', { count: names.length, names: listOf(names, t) })}
    </p>
  );
}
