import type { ReadonlySignal } from '@preact/signals';
import { formatDateTime, formatDue } from '../format';

export interface DueTimeProps {
  /** The deadline (ISO), or null when there is none. */
  dueAt: string | null;
  /** When the deadline was met (first response given), if it was. */
  metAt?: string | null;
  /** The ticking clock; only this component re-renders when it ticks. */
  now: ReadonlySignal<number>;
}

/** "due in 42 min" / "overdue by 5 min", with the absolute time as a tooltip. */
export function DueTime({ dueAt, metAt, now }: DueTimeProps) {
  if (metAt) {
    return (
      <time class="due due--met" dateTime={metAt} title={`Responded ${formatDateTime(metAt)}`}>
        responded
      </time>
    );
  }
  const { text, overdue } = formatDue(dueAt, now.value);
  if (!dueAt) return <span class="due due--none">{text}</span>;
  return (
    <time class={overdue ? 'due due--overdue' : 'due'} dateTime={dueAt} title={formatDateTime(dueAt)}>
      {text}
    </time>
  );
}
