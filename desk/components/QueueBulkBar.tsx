import { useState } from 'preact/hooks';
import type { TicketStatus } from '../../shared/protocol';
import { tagSchema } from '../../shared/queue';
import type { BulkChanges } from '../api';
import { statusLabel } from '../format';
import { useDeskT } from '../i18n/i18n';

const BULK_STATUSES: TicketStatus[] = ['open', 'pending', 'on_hold', 'solved'];

export interface QueueBulkBarProps {
  count: number;
  meId: string;
  onApply: (changes: BulkChanges) => Promise<string | null>;
  onClear: () => void;
}

/** Actions on the ticked tickets: assign to me or unassign, set a status, add a tag. */
export function QueueBulkBar({ count, meId, onApply, onClear }: QueueBulkBarProps) {
  const [tag, setTag] = useState('');
  const t = useDeskT();
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const apply = async (changes: BulkChanges) => {
    setBusy(true);
    setResult(await onApply(changes));
    setBusy(false);
  };
  const parsedTag = tagSchema.safeParse(tag);
  return (
    <div class="bulk-bar" role="region" aria-label={t.t('bulkActions')}>
      <span class="bulk-bar__count">{t.t('selected', { count })}</span>
      <button type="button" class="btn" disabled={busy} onClick={() => void apply({ assigneeId: meId })}>
        {t.t('assignToMe')}
      </button>
      <button type="button" class="btn" disabled={busy} onClick={() => void apply({ assigneeId: null })}>
        {t.t('unassign')}
      </button>
      <label for="bulk-status" class="sr-only">
        {t.t('setStatus')}
      </label>
      <select
        id="bulk-status"
        disabled={busy}
        value=""
        onChange={(e) => {
          const status = e.currentTarget.value as TicketStatus;
          if (status) void apply({ status });
        }}
      >
        <option value="">{t.t('setStatusOption')}</option>
        {BULK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s, t)}
          </option>
        ))}
      </select>
      <form
        class="bulk-bar__tag"
        onSubmit={(e) => {
          e.preventDefault();
          if (!parsedTag.success) return;
          void apply({ addTags: [parsedTag.data] }).then(() => setTag(''));
        }}
      >
        <label for="bulk-tag" class="sr-only">
          {t.t('tagToAdd')}
        </label>
        <input id="bulk-tag" value={tag} maxLength={40} placeholder={t.t('tagPlaceholder')} onInput={(e) => setTag(e.currentTarget.value)} />
        <button type="submit" class="btn" disabled={busy || !parsedTag.success}>
          {t.t('addTag')}
        </button>
      </form>
      <button type="button" class="btn btn--link" onClick={onClear}>
        {t.t('clearSelection')}
      </button>
      <span role="status" class="bulk-bar__result">
        {result}
      </span>
    </div>
  );
}
