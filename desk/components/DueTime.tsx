import type { ReadonlySignal } from '@preact/signals';
import { formatDateTime, formatDue } from '../format';
import { useDeskT } from '../i18n/i18n';

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
  const t = useDeskT();
  if (metAt) {
    return (
      <time class="due due--met" dateTime={metAt} title={t.t('respondedAt', { time: formatDateTime(metAt, t) })}>
        {t.t('responded')}
      </time>
    );
  }
  const { text, overdue } = formatDue(dueAt, now.value, t);
  if (!dueAt) return <span class="due due--none">{text}</span>;
  return (
    <time class={overdue ? 'due due--overdue' : 'due'} dateTime={dueAt} title={formatDateTime(dueAt, t)}>
      {text}
    </time>
  );
}
