import { useState } from 'preact/hooks';
import { LEVELS } from '../../shared/priority';
import { CENTRES, CHANNELS, TICKET_STATUSES } from '../../shared/protocol';
import { tagSchema, viewFiltersSchema, type ViewFilters } from '../../shared/queue';
import { useDeskT, type DeskTexts } from '../i18n/i18n';
import { centreLabel, channelLabel, levelLabel, statusLabel } from '../format';

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

const LIST_FIELDS = [
  { key: 'status', legend: 'status', values: TICKET_STATUSES, label: statusLabel },
  { key: 'priority', legend: 'priority', values: LEVELS, label: levelLabel },
  { key: 'channel', legend: 'channel', values: CHANNELS, label: channelLabel },
  { key: 'centre', legend: 'centre', values: CENTRES, label: centreLabel },
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
  const t = useDeskT();
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
    const tagList = tags.split(',').map((tag) => tag.trim()).filter(Boolean);
    const badTag = tagList.map((tag) => tagSchema.safeParse(tag)).find((r) => !r.success);
    if (badTag && !badTag.success) return setError(badTag.error.issues[0]?.message ?? t.t('notATag'));
    const parsed = viewFiltersSchema.safeParse(cleaned({ ...filters, tag: tagList.map((tag) => tagSchema.parse(tag)) }));
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? t.t('filtersInvalid'));
    if (!name.trim()) return setError(t.t('viewNeedsName'));
    void run(() => onSave({ name: name.trim(), shared, filters: parsed.data }));
  };
  const title = editing ? t.t('editViewTitle') : t.t('saveView');
  return (
    <form class="view-form" aria-label={title} onSubmit={submit}>
      <h3 class="view-form__title">{title}</h3>
      <label class="view-form__name">
        {t.t('name')}
        <input value={name} maxLength={80} required onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="view-form__check">
        <input type="checkbox" checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
        {t.t('sharedWithTeam')}
      </label>
      {LIST_FIELDS.map(({ key, legend, values, label }) => (
        <fieldset key={key} class="view-form__set">
          <legend>{t.t(legend)}</legend>
          {values.map((value) => (
            <label key={value} class="view-form__check">
              <input type="checkbox" checked={(filters[key] as readonly string[] | undefined)?.includes(value) ?? false} onChange={(e) => toggle(key, value, e.currentTarget.checked)} />
              {(label as (value: string, t: DeskTexts) => string)(value, t)}
            </label>
          ))}
        </fieldset>
      ))}
      <label class="view-form__name">
        {t.t('assignee')}
        <select value={filters.assignee ?? ''} onChange={(e) => setFilters({ ...filters, assignee: e.currentTarget.value || undefined })}>
          <option value="">{t.t('anyone')}</option>
          <option value="me">{t.t('me')}</option>
          <option value="none">{t.t('unassigned')}</option>
          {filters.assignee && !['me', 'none'].includes(filters.assignee) && <option value={filters.assignee}>{t.t('agentChosenBefore')}</option>}
        </select>
      </label>
      <label class="view-form__name">
        {t.t('tagsAllComma')}
        <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      <label class="view-form__name">
        {t.t('searchWords')}
        <input type="search" value={filters.q ?? ''} maxLength={200} onInput={(e) => setFilters({ ...filters, q: e.currentTarget.value })} />
      </label>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="view-form__bar">
        <button type="submit" class="btn btn--primary" disabled={busy}>
          {editing ? t.t('saveChanges') : t.t('saveView')}
        </button>
        {onDelete && (
          <button type="button" class="btn" disabled={busy} onClick={() => void run(onDelete)}>
            {t.t('deleteView')}
          </button>
        )}
        <button type="button" class="btn btn--link" onClick={onCancel}>
          {t.t('cancel')}
        </button>
      </div>
    </form>
  );
}
