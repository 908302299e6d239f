import { useState } from 'preact/hooks';
import { LEVELS } from '../../shared/priority';
import { CENTRES, CHANNELS, TICKET_STATUSES } from '../../shared/protocol';
import { tagSchema, viewFiltersSchema, type ViewFilters } from '../../shared/queue';

/** What the form edits: a saved view's name, sharing and filters. */
export interface ViewDraft {
  name: string;
  shared: boolean;
  filters: ViewFilters;
}

export interface QueueViewFormProps {
  /** Where the form starts: the view shown (and the search typed), or the saved view being edited. */
  initial: ViewDraft;
  /** Editing an existing view (the heading and the Delete button say so); otherwise a new one. */
  editing: boolean;
  /** Resolves with the server's refusal, or null when saved. */
  onSave: (draft: ViewDraft) => Promise<string | null>;
  onDelete?: () => Promise<string | null>;
  onCancel: () => void;
}

const label = (value: string) => value.replace('_', ' ');
const LIST_FIELDS = [
  { key: 'status', legend: 'Status', values: TICKET_STATUSES },
  { key: 'priority', legend: 'Priority', values: LEVELS },
  { key: 'channel', legend: 'Channel', values: CHANNELS },
  { key: 'centre', legend: 'Centre', values: CENTRES },
] as const;
type ListKey = (typeof LIST_FIELDS)[number]['key'];

/** The filters with the lists' and words' empty values left out (an empty list would match nothing). */
function cleaned(f: ViewFilters): ViewFilters {
  const out: ViewFilters = { ...f };
  for (const { key } of LIST_FIELDS) if (!out[key]?.length) delete out[key];
  if (!out.tag?.length) delete out.tag;
  if (!out.q) delete out.q;
  if (!out.assignee) delete out.assignee;
  return out;
}

/**
 * `Save view` and editing a saved view: a name, shared with the team or personal, and the filters (status,
 * priority, channel, centre, assignee, tags, search words), checked with the schema the server uses.
 */
export function QueueViewForm({ initial, editing, onSave, onDelete, onCancel }: QueueViewFormProps) {
  const [name, setName] = useState(initial.name);
  const [shared, setShared] = useState(initial.shared);
  const [filters, setFilters] = useState<ViewFilters>(initial.filters);
  const [tags, setTags] = useState((initial.filters.tag ?? []).join(', '));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (key: ListKey, value: string, on: boolean) => {
    const current: readonly string[] = filters[key] ?? [];
    const next = on ? [...current, value] : current.filter((v) => v !== value);
    setFilters({ ...filters, [key]: next });
  };
  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    const refused = await action();
    setBusy(false);
    setError(refused);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const tagList = tags.split(',').map((t) => t.trim()).filter(Boolean);
    const badTag = tagList.map((t) => tagSchema.safeParse(t)).find((r) => !r.success);
    if (badTag && !badTag.success) return setError(badTag.error.issues[0]?.message ?? 'Not a tag');
    const parsed = viewFiltersSchema.safeParse(cleaned({ ...filters, tag: tagList.map((t) => tagSchema.parse(t)) }));
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'These filters cannot be saved');
    if (!name.trim()) return setError('The view needs a name');
    void run(() => onSave({ name: name.trim(), shared, filters: parsed.data }));
  };
  const title = editing ? 'Edit view' : 'Save view';
  return (
    <form class="view-form" aria-label={title} onSubmit={submit}>
      <h3 class="view-form__title">{title}</h3>
      <label class="view-form__name">
        Name
        <input value={name} maxLength={80} required onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="view-form__check">
        <input type="checkbox" checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
        Shared with the team
      </label>
      {LIST_FIELDS.map(({ key, legend, values }) => (
        <fieldset key={key} class="view-form__set">
          <legend>{legend}</legend>
          {values.map((value) => (
            <label key={value} class="view-form__check">
              <input type="checkbox" checked={(filters[key] as readonly string[] | undefined)?.includes(value) ?? false} onChange={(e) => toggle(key, value, e.currentTarget.checked)} />
              {label(value)}
            </label>
          ))}
        </fieldset>
      ))}
      <label class="view-form__name">
        Assignee
        <select value={filters.assignee ?? ''} onChange={(e) => setFilters({ ...filters, assignee: e.currentTarget.value || undefined })}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="none">Unassigned</option>
          {filters.assignee && !['me', 'none'].includes(filters.assignee) && <option value={filters.assignee}>The agent chosen before</option>}
        </select>
      </label>
      <label class="view-form__name">
        Tags (all of them, comma-separated)
        <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      <label class="view-form__name">
        Search words
        <input type="search" value={filters.q ?? ''} maxLength={200} onInput={(e) => setFilters({ ...filters, q: e.currentTarget.value })} />
      </label>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="view-form__bar">
        <button type="submit" class="btn btn--primary" disabled={busy}>
          {editing ? 'Save changes' : 'Save view'}
        </button>
        {onDelete && (
          <button type="button" class="btn" disabled={busy} onClick={() => void run(onDelete)}>
            Delete view
          </button>
        )}
        <button type="button" class="btn btn--link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
