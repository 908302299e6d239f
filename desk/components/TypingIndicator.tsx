export interface TypingIndicatorProps {
  /** Names of customers typing now. */
  names: readonly string[];
}

/** "Ada is typing…", just above the composer where the agent is looking. */
export function TypingIndicator({ names }: TypingIndicatorProps) {
  return (
    <p class="typing" aria-live="polite">
      {names.length > 0 && `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} typing…`}
    </p>
  );
}
