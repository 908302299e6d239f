import { useState } from 'preact/hooks';
import type { TicketStatus } from '../../shared/protocol';
import { STATUS_LABELS, STATUS_ORDER } from '../format';
import type { MacrosModel } from '../models/MacrosModel';

export interface MacroManagerProps {
  macros: MacrosModel;
  /** Admins manage shared macros; everyone their own. */
  isAdmin: boolean;
}

/** `Macros`: the saved replies (shared and own), a form for a new one, and deleting. */
export function MacroManager({ macros, isAdmin }: MacroManagerProps) {
  const [title, setTitle] = useState('');
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
      <summary>Macros</summary>
      <section aria-label="Macros">
        <ul class="macros__list">
          {macros.macros.value.map((m) => (
            <li key={m.id}>
              <strong>{m.title}</strong> {m.shared && <span class="muted">(shared)</span>} <span class="macros__body">{m.body}</span>
              {(!m.shared || isAdmin) && (
                <button type="button" class="btn btn--link" onClick={() => void macros.remove(m.id)} aria-label={`Delete macro ${m.title}`}>
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
        <form class="macros__form" onSubmit={onSubmit}>
          <label>
            Macro title <input value={title} onInput={(e) => setTitle(e.currentTarget.value)} required maxLength={100} />
          </label>
          <label>
            Macro text <textarea value={body} onInput={(e) => setBody(e.currentTarget.value)} required rows={3} />
          </label>
          <p class="muted">Placeholders: {'{{customer.first_name}}'}, {'{{customer.name}}'}, {'{{agent.name}}'}, {'{{ticket.number}}'}, {'{{promise}}'}</p>
          <label>
            Also set status
            <select value={status} onChange={(e) => setStatus(e.currentTarget.value as TicketStatus | '')}>
              <option value="">No change</option>
              {STATUS_ORDER.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          {isAdmin && (
            <label>
              <input type="checkbox" checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} /> Shared with the team
            </label>
          )}
          <button type="submit" class="btn btn--primary">
            Save macro
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
