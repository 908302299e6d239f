import type { ReadonlySignal } from '@preact/signals';
import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { SlaAlert, TicketSummary } from '../../shared/protocol';
import { QueueRow } from './QueueRow';
import { useDeskT } from '../i18n/i18n';

/** Every row has this height (CSS `.queue-row` matches it), so the list can be windowed without measuring. */
export const ROW_HEIGHT = 68;
/** Rows drawn beyond the visible window on each side, so fast scrolling shows no blank rows. */
const OVERSCAN = 8;
/** Fetch the next page when the window comes this many rows from the end of what is loaded. */
const LOAD_AHEAD = 20;

/** Until the list has a size (before layout, and in tests, which have none), assume a window of a dozen rows. */
const ASSUMED_RECT = { width: 400, height: ROW_HEIGHT * 12 };

const observeRectOrAssume: typeof observeElementRect = (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : ASSUMED_RECT));

export interface QueueListProps {
  id: string;
  tickets: readonly TicketSummary[];
  now: ReadonlySignal<number>;
  selectedId: string | null;
  /** The row the keyboard is on (j/k). */
  activeId: string | null;
  fresh: ReadonlySet<string>;
  alerts: ReadonlyMap<string, SlaAlert>;
  checked: ReadonlySet<string>;
  /** Without it, rows have no checkbox. */
  onToggle?: (id: string, range: boolean) => void;
  search: string;
  matches: Readonly<Record<string, string>>;
  hasMore: boolean;
  onNearEnd: () => void;
}

/**
 * The queue's tickets, windowed (@tanstack/virtual-core): only the rows in view (and a few around them) are in
 * the DOM, so 10,000 tickets scroll as smoothly as 50.
 */
export function QueueList(props: QueueListProps) {
  const { tickets, activeId, hasMore, onNearEnd } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const t = useDeskT();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [virtualizer] = useState(
    () =>
      new Virtualizer<HTMLDivElement, HTMLLIElement>({
        count: tickets.length,
        getScrollElement: () => scrollRef.current,
        estimateSize: () => ROW_HEIGHT,
        overscan: OVERSCAN,
        observeElementRect: observeRectOrAssume,
        observeElementOffset,
        scrollToFn: elementScroll,
        initialRect: ASSUMED_RECT,
        getItemKey: (index) => tickets[index]?.id ?? index,
        onChange: () => rerender(undefined),
      }),
  );
  virtualizer.setOptions({ ...virtualizer.options, count: tickets.length, getItemKey: (index) => tickets[index]?.id ?? index });
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (hasMore && last && last.index >= tickets.length - LOAD_AHEAD) onNearEnd();
  }, [hasMore, last?.index, tickets.length, onNearEnd]);
  const activeIndex = activeId ? tickets.findIndex((t) => t.id === activeId) : -1;
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);
  return (
    <div class="queue__scroll" ref={scrollRef}>
      <ul class="queue__list" id={props.id} aria-label={t.t('tickets')} role="list" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {items.map((item) => {
          const t = tickets[item.index];
          if (!t) return null;
          return (
            <QueueRow
              key={t.id}
              ticket={t}
              now={props.now}
              selected={t.id === props.selectedId}
              active={t.id === activeId}
              fresh={props.fresh.has(t.id)}
              alert={props.alerts.get(t.id) ?? null}
              checked={props.checked.has(t.id)}
              onToggle={props.onToggle}
              search={props.search}
              match={props.matches[t.id]}
              style={{ transform: `translateY(${item.start}px)` }}
            />
          );
        })}
      </ul>
    </div>
  );
}
