import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { BulkChanges } from '../api';
import { focusComposer, listenForShortcuts, type ShortcutAction } from '../keyboard';
import { CENTRE_FILTERS, type QueueCentre, type QueueModel } from '../models/QueueModel';
import type { QueueViewsModel, ViewEntry } from '../models/QueueViewsModel';
import { KeyboardHelp } from './KeyboardHelp';
import { QueueBulkBar } from './QueueBulkBar';
import { QueueList } from './QueueList';
import { QueueSearch, SEARCH_INPUT_ID } from './QueueSearch';
import { QueueTabs } from './QueueTabs';
import { QueueViewForm } from './QueueViewForm';
import { QueueViews } from './QueueViews';
import { SlaNotices } from './SlaNotices';
import { useDeskT, type DeskTexts } from '../i18n/i18n';
import { centreLabel } from '../format';

/** What the queue asks of the desk: opening a ticket, and changes to one or many. */
export interface QueueActions {
  meId: string;
  open: (id: string) => void;
  change: (id: string, changes: { status?: 'solved'; assigneeId?: string }) => Promise<void>;
  bulk: (ids: string[], changes: BulkChanges) => Promise<{ changed: number; failed: number }>;
}

export interface QueuePanelProps {
  queue: QueueModel;
  now: ReadonlySignal<number>;
  /** The open ticket's id, highlighted in the list. */
  selectedId: string | null;
  /** Buttons in the heading (the desk's `Log a call`). */
  actions?: ComponentChildren;
  /** The views with live counts; without them the status tabs and centre filter show. */
  views?: QueueViewsModel | null;
  /** Bulk actions and keyboard shortcuts act through these; without them there are neither. */
  queueActions?: QueueActions;
}

const LIST_ID = 'queue-list';
const CENTRE_ID = 'queue-centre';

/**
 * The left pane: heading, search, the views (or status tabs and centre filter), SLA notifications, bulk actions
 * on the ticked tickets, and the tickets ordered by their next deadline, windowed.
 */
export function QueuePanel({ queue, now, selectedId, actions, views, queueActions }: QueuePanelProps) {
  const tickets = queue.visible.value;
  const loading = queue.loading.value;
  const error = queue.error.value;
  const checked = queue.checked.value;
  const t = useDeskT();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  /** The view form: a new view from what is shown, or a saved view being edited. */
  const [editing, setEditing] = useState<ViewEntry | 'new' | null>(null);
  const loadMore = useCallback(() => void queue.loadMore(), [queue]);
  const run = (action: ShortcutAction): boolean => {
    const list = queue.visible.value;
    const index = list.findIndex((t) => t.id === (activeId ?? selectedId));
    const target = activeId ?? selectedId;
    switch (action) {
      case 'next':
      case 'previous': {
        const next = list[action === 'next' ? Math.min(index + 1, list.length - 1) : Math.max(index - 1, 0)];
        if (next) setActiveId(next.id);
        return Boolean(next);
      }
      case 'open':
        if (activeId && queueActions) queueActions.open(activeId);
        return Boolean(activeId && queueActions);
      case 'reply':
      case 'note':
        return focusComposer(document, action === 'note');
      case 'solve':
        if (target && queueActions) void queueActions.change(target, { status: 'solved' });
        return Boolean(target && queueActions);
      case 'assignToMe':
        if (target && queueActions) void queueActions.change(target, { assigneeId: queueActions.meId });
        return Boolean(target && queueActions);
      case 'search':
        document.getElementById(SEARCH_INPUT_ID)?.focus();
        return true;
      case 'help':
        setHelp(true);
        return true;
    }
  };
  // One listener for the panel's life that always runs the latest `run`: re-registering it after each render
  // left a window (effects run after paint) in which a key saw the previous render's active row.
  const latestRun = useRef(run);
  latestRun.current = run;
  const shortcuts = Boolean(queueActions);
  useEffect(() => (shortcuts ? listenForShortcuts(window, (action) => latestRun.current(action)) : undefined), [shortcuts]);
  const bulk = async (changes: BulkChanges) => {
    if (!queueActions) return null;
    const ids = [...queue.checked.value];
    const { changed, failed } = await queueActions.bulk(ids, changes);
    if (!failed) queue.clearChecked();
    return failed ? t.t('bulkResultFailed', { count: changed, failed: t.number(failed) }) : t.t('bulkResult', { count: changed });
  };
  const viewEntries = views?.entries.value ?? [];
  const search = queue.search.value;
  return (
    <section class="queue" aria-label={t.t('queue')}>
      <div class="queue__head">
        <h2 class="queue__title">{t.t('queue')}</h2>
        <span class="queue__count">
          {tickets.length}
          {queue.hasMore.value ? '+' : ''}
          <span class="sr-only"> {t.t('ticketCount', { count: tickets.length })}</span>
        </span>
        {loading && <span class="queue__loading">{t.t('updating')}</span>}
        {actions}
        {!views && (
          <span class="queue__centre">
            <label for={CENTRE_ID}>{t.t('centre')}</label>
            <select
              id={CENTRE_ID}
              value={queue.centre.value}
              aria-controls={LIST_ID}
              // The options' values are CENTRE_FILTERS' ids.
              onChange={(e) => void queue.setCentre(e.currentTarget.value as QueueCentre)}
            >
              {CENTRE_FILTERS.map((c) => (
                <option key={c} value={c}>
                  {c === 'all' ? t.t('allCentres') : centreLabel(c, t)}
                </option>
              ))}
            </select>
          </span>
        )}
      </div>
      {views && <QueueSearch value={search} onSearch={(words) => void queue.setSearch(words)} />}
      {views ? (
        <>
          <QueueViews
            views={viewEntries}
            activeId={search ? null : (queue.view.value?.id ?? null)}
            controls={LIST_ID}
            onSelect={(v) => void queue.setView(v.id, v.filters)}
            onEdit={(v) => setEditing(v)}
            onSaveNew={() => setEditing('new')}
          />
          {editing && <ViewEditor key={editing === 'new' ? 'new' : editing.id} editing={editing} queue={queue} views={views} onDone={() => setEditing(null)} />}
        </>
      ) : (
        <QueueTabs active={queue.filter.value} onSelect={(id) => void queue.setFilter(id)} controls={LIST_ID} />
      )}
      {search && <p class="queue__searching">{t.t('resultsFor', { words: search })}</p>}
      <SlaNotices notices={queue.slaNotices.value} />
      {error && (
        <p class="form-error" role="alert">
          {error}{' '}
          <button type="button" class="btn btn--link" onClick={() => void queue.load()}>
            {t.t('retry')}
          </button>
        </p>
      )}
      {queueActions && checked.size > 0 && <QueueBulkBar count={checked.size} meId={queueActions.meId} onApply={bulk} onClear={() => queue.clearChecked()} />}
      <QueueList
        id={LIST_ID}
        tickets={tickets}
        now={now}
        selectedId={selectedId}
        activeId={activeId}
        fresh={queue.fresh.value}
        alerts={queue.alerts.value}
        checked={checked}
        onToggle={queueActions ? (id, range) => queue.toggleChecked(id, range) : undefined}
        search={queue.highlight.value}
        matches={queue.matches.value}
        hasMore={queue.hasMore.value}
        onNearEnd={loadMore}
      />
      {tickets.length === 0 && queue.loaded.value && <p class="queue__empty">{search ? t.t('noMatch') : t.t('queueEmpty')}</p>}
      {help && <KeyboardHelp onClose={() => setHelp(false)} />}
    </section>
  );
}

const refusal = (err: unknown, t: DeskTexts) => (err instanceof Error ? err.message : t.t('viewNotSaved'));

/**
 * The view form wired to the models: a new view starts from what the queue shows (the search's words, else the
 * view's filters); once saved or edited the queue shows it; a deleted view that was shown gives way to All open.
 */
function ViewEditor({ editing, queue, views, onDone }: { editing: ViewEntry | 'new'; queue: QueueModel; views: QueueViewsModel; onDone: () => void }) {
  const t = useDeskT();
  const search = queue.search.value;
  const initial = editing === 'new' ? { name: '', shared: false, filters: search ? { q: search } : (queue.view.value?.filters ?? {}) } : { name: editing.name, shared: editing.shared, filters: editing.filters };
  const open = views.entries.value.find((v) => v.id === 'open');
  return (
    <QueueViewForm
      initial={initial}
      editing={editing !== 'new'}
      onCancel={onDone}
      onSave={async (draft) => {
        try {
          const view = editing === 'new' ? await views.save(draft.name, draft.shared, draft.filters) : await views.update(editing.id, draft);
          onDone();
          await queue.setView(view.id, view.filters);
          return null;
        } catch (err) {
          return refusal(err, t);
        }
      }}
      {...(editing !== 'new'
        ? {
            onDelete: async () => {
              try {
                await views.remove(editing.id);
                onDone();
                if (queue.view.value?.id === editing.id && open) await queue.setView(open.id, open.filters);
                return null;
              } catch (err) {
                return refusal(err, t);
              }
            },
          }
        : {})}
    />
  );
}
