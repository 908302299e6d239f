import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { CENTRE_FILTERS, type QueueCentre, type QueueModel } from '../models/QueueModel';
import { QueueRow } from './QueueRow';
import { QueueTabs } from './QueueTabs';
import { SlaNotices } from './SlaNotices';

export interface QueuePanelProps {
  queue: QueueModel;
  now: ReadonlySignal<number>;
  /** The open ticket's id, highlighted in the list. */
  selectedId: string | null;
  /** Buttons in the heading (the desk's `Log a call`). */
  actions?: ComponentChildren;
}

const LIST_ID = 'queue-list';
const CENTRE_ID = 'queue-centre';

/**
 * The left pane: heading, the centre filter, status tabs, SLA notifications, and the tickets ordered by
 * their next deadline.
 */
export function QueuePanel({ queue, now, selectedId, actions }: QueuePanelProps) {
  const tickets = queue.visible.value;
  const fresh = queue.fresh.value;
  const loading = queue.loading.value;
  const error = queue.error.value;
  const alerts = queue.alerts.value;
  return (
    <section class="queue" aria-label="Queue">
      <div class="queue__head">
        <h2 class="queue__title">Queue</h2>
        <span class="queue__count">
          {tickets.length}
          <span class="sr-only"> tickets</span>
        </span>
        {loading && <span class="queue__loading">Updating…</span>}
        {actions}
        <span class="queue__centre">
          <label for={CENTRE_ID}>Centre</label>
          <select
            id={CENTRE_ID}
            value={queue.centre.value}
            aria-controls={LIST_ID}
            // The options' values are CENTRE_FILTERS' ids.
            onChange={(e) => void queue.setCentre(e.currentTarget.value as QueueCentre)}
          >
            {CENTRE_FILTERS.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </span>
      </div>
      <QueueTabs active={queue.filter.value} onSelect={(id) => void queue.setFilter(id)} controls={LIST_ID} />
      <SlaNotices notices={queue.slaNotices.value} />
      {error && (
        <p class="form-error" role="alert">
          {error}{' '}
          <button type="button" class="btn btn--link" onClick={() => void queue.load()}>
            Retry
          </button>
        </p>
      )}
      <ul class="queue__list" id={LIST_ID} aria-label="Tickets" role="list">
        {tickets.map((t) => (
          <QueueRow key={t.id} ticket={t} now={now} selected={t.id === selectedId} fresh={fresh.has(t.id)} alert={alerts.get(t.id) ?? null} />
        ))}
      </ul>
      {tickets.length === 0 && queue.loaded.value && <p class="queue__empty">No tickets here. Nice work.</p>}
    </section>
  );
}
