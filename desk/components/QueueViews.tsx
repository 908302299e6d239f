import type { ViewEntry } from '../models/QueueViewsModel';
import { en } from '../i18n/en';
import { useDeskT, type DeskKey, type DeskTexts } from '../i18n/i18n';

export interface QueueViewsProps {
  views: readonly ViewEntry[];
  activeId: string | null;
  onSelect: (view: ViewEntry) => void;
  /** The list these buttons filter (aria-controls). */
  controls: string;
  /** Edit a saved view; without it saved views have no Edit button. */
  onEdit?: (view: ViewEntry) => void;
  /** `Save view`: a new view from what the queue shows; without it there is no such button. */
  onSaveNew?: () => void;
}

/** The views (Mine, Unassigned, each centre, …, then saved ones), each with its live count. */
export function QueueViews({ views, activeId, onSelect, controls, onEdit, onSaveNew }: QueueViewsProps) {
  const t = useDeskT();
  return (
    <nav class="queue__views" aria-label={t.t('views')}>
      <ul role="list">
        {views.map((v) => (
          <li key={v.id}>
            <button type="button" class="queue__view" aria-pressed={v.id === activeId} aria-controls={controls} data-view={v.id} onClick={() => onSelect(v)}>
              <span>{v.saved ? v.name : builtInName(v, t)}</span>
              {v.shared && <span class="sr-only"> {t.t('viewShared')}</span>}
              {v.count !== null && <span class="queue__view-count">{v.count}</span>}
            </button>
            {v.saved && onEdit && (
              <button type="button" class="queue__view-edit" aria-label={t.t('editView', { name: v.name })} onClick={() => onEdit(v)}>
                ✎
              </button>
            )}
          </li>
        ))}
        {onSaveNew && (
          <li>
            <button type="button" class="queue__view queue__view--save" onClick={onSaveNew}>
              {t.t('saveView')}
            </button>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** A built-in view's name in the agent's language (the server's name for one the desk does not know). */
function builtInName(view: ViewEntry, t: DeskTexts): string {
  const key = `view_${view.id}`;
  return key in en ? t.t(key as DeskKey) : view.name;
}
