import type { TargetedKeyboardEvent } from 'preact';
import { QUEUE_FILTERS, type QueueFilterId } from '../models/QueueModel';
import { useDeskT } from '../i18n/i18n';

export interface QueueTabsProps {
  active: QueueFilterId;
  onSelect: (id: QueueFilterId) => void;
  /** Id of the list the tabs control. */
  controls: string;
}

/** Status filter tabs: All open / New / Pending / Solved (arrow keys move between them). */
export function QueueTabs({ active, onSelect, controls }: QueueTabsProps) {
  const t = useDeskT();
  const onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const index = QUEUE_FILTERS.findIndex((f) => f.id === active);
    const next = QUEUE_FILTERS[(index + step + QUEUE_FILTERS.length) % QUEUE_FILTERS.length];
    if (!next) return;
    onSelect(next.id);
    e.currentTarget.querySelector<HTMLButtonElement>(`[data-filter="${next.id}"]`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={t.t('filterTickets')} onKeyDown={onKeyDown}>
      {QUEUE_FILTERS.map((f) => (
        <button
          key={f.id}
          type="button"
          role="tab"
          class="tabs__tab"
          data-filter={f.id}
          aria-selected={f.id === active}
          aria-controls={controls}
          tabIndex={f.id === active ? 0 : -1}
          onClick={() => onSelect(f.id)}
        >
          {t.t(`filter_${f.id}`)}
        </button>
      ))}
    </div>
  );
}
