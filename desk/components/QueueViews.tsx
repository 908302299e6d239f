import type { ViewEntry } from '../models/QueueViewsModel';

/** The views (Mine, Unassigned, each centre, …, then saved ones), each with its live count. */
export function QueueViews({ views, activeId, onSelect, controls }: { views: readonly ViewEntry[]; activeId: string | null; onSelect: (view: ViewEntry) => void; controls: string }) {
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
          </li>
        ))}
      </ul>
    </nav>
  );
}
