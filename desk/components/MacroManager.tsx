import { useState } from 'preact/hooks';
import type { TicketStatus } from '../../shared/protocol';
import { statusLabel, STATUS_ORDER } from '../format';
import type { MacrosModel } from '../models/MacrosModel';
import { useDeskT } from '../i18n/i18n';

export interface MacroManagerProps {
  macros: MacrosModel;
  /** Admins manage shared macros; everyone their own. */
  isAdmin: boolean;
}

/** `Macros`: the saved replies (shared and own), a form for a new one, and deleting. */
export function MacroManager({ macros, isAdmin }: MacroManagerProps) {
  const [title, setTitle] = useState('');
  const t = useDeskT();
  const [body, setBody] = useState('');
  const [shared, setShared] = useState(false);
  const [status, setStatus] = useState<TicketStatus | ''>('');
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (await macros.create({ title, body, shared, setStatus: status || null })) {
      setTitle('');
      setBody('');
      setStatus('');
    }
  };
  const error = macros.error.value;
  return (
    <details class="macros">
      <summary>{t.t('macros')}</summary>
      <section aria-label={t.t('macros')}>
        <ul class="macros__list">
          {macros.macros.value.map((m) => (
            <li key={m.id}>
              <strong>{m.title}</strong> {m.shared && <span class="muted">{t.t('shared')}</span>} <span class="macros__body">{m.body}</span>
              {(!m.shared || isAdmin) && (
                <button type="button" class="btn btn--link" onClick={() => void macros.remove(m.id)} aria-label={t.t('deleteMacro', { title: m.title })}>
                  {t.t('delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
        <form class="macros__form" onSubmit={onSubmit}>
          <label>
            {t.t('macroTitle')} <input value={title} onInput={(e) => setTitle(e.currentTarget.value)} required maxLength={100} />
          </label>
          <label>
            {t.t('macroText')} <textarea value={body} onInput={(e) => setBody(e.currentTarget.value)} required rows={3} />
          </label>
          <p class="muted">{t.t('placeholders')} {'{{customer.first_name}}'}, {'{{customer.name}}'}, {'{{agent.name}}'}, {'{{ticket.number}}'}, {'{{promise}}'}</p>
          <label>
            {t.t('alsoSetStatus')}
            <select value={status} onChange={(e) => setStatus(e.currentTarget.value as TicketStatus | '')}>
              <option value="">{t.t('noChange')}</option>
              {STATUS_ORDER.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s, t)}
                </option>
              ))}
            </select>
          </label>
          {isAdmin && (
            <label>
              <input type="checkbox" checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} /> {t.t('sharedWithTeam')}
            </label>
          )}
          <button type="submit" class="btn btn--primary">
            {t.t('saveMacro')}
          </button>
          {error && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
        </form>
      </section>
    </details>
  );
}
