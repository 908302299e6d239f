import type { ViewEntry } from '../models/QueueViewsModel';

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
  return (
    <nav class="queue__views" aria-label="Views">
      <ul role="list">
        {views.map((v) => (
          <li key={v.id}>
            <button type="button" class="queue__view" aria-pressed={v.id === activeId} aria-controls={controls} data-view={v.id} onClick={() => onSelect(v)}>
              <span>{v.name}</span>
              {v.shared && <span class="sr-only"> (shared)</span>}
              {v.count !== null && <span class="queue__view-count">{v.count}</span>}
            </button>
            {v.saved && onEdit && (
              <button type="button" class="queue__view-edit" aria-label={`Edit view ${v.name}`} onClick={() => onEdit(v)}>
                ✎
              </button>
            )}
          </li>
        ))}
        {onSaveNew && (
          <li>
            <button type="button" class="queue__view queue__view--save" onClick={onSaveNew}>
              Save view
            </button>
          </li>
        )}
      </ul>
    </nav>
  );
}
