import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LEVELS, type Level } from '../../shared/priority';
import { levelLabel } from '../format';
import type { CallForm, LogCallModel } from '../models/LogCallModel';
import { browserTimeZone, timeZoneOptions, toLocalInputValue } from '../time-input';
import { useDeskT } from '../i18n/i18n';

export interface LogCallProps {
  model: LogCallModel;
  /** The created ticket's id: the desk opens it. */
  onCreated: (ticketId: string) => void;
}

/** The `Log a call` button and, while open, the form that turns a phone call into a ticket. */
export function LogCall({ model, onCreated }: LogCallProps) {
  const opener = useRef<HTMLButtonElement>(null);
  const t = useDeskT();
  const close = () => {
    model.hide();
    opener.current?.focus();
  };
  return (
    <>
      <button type="button" class="btn log-call__open" ref={opener} onClick={() => model.show()} aria-haspopup="dialog">
        {t.t('logCall')}
      </button>
      {model.open.value && (
        <LogCallDialog model={model} onCancel={close} onCreated={onCreated} />
      )}
    </>
  );
}

interface LogCallDialogProps {
  model: LogCallModel;
  onCancel: () => void;
  onCreated: (ticketId: string) => void;
}

function emptyForm(timeZone: string | null): CallForm {
  return { name: '', email: '', timeZone: timeZone ?? '', subject: '', notes: '', receivedAt: toLocalInputValue(Date.now()), urgency: '', impact: '' };
}

/** The call form as a modal dialog: Escape or Cancel closes it; `Create ticket` posts a `phone` ticket. */
function LogCallDialog({ model, onCancel, onCreated }: LogCallDialogProps) {
  const t = useDeskT();
  const zone = useMemo(() => browserTimeZone(), []);
  const zones = useMemo(() => timeZoneOptions(zone), [zone]);
  const [form, setForm] = useState<CallForm>(() => emptyForm(zone));
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const set = <K extends keyof CallForm>(key: K, value: CallForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submitting = model.submitting.value;
  const error = model.error.value;

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const ticket = await model.submit(form);
    if (ticket) onCreated(ticket.id);
  };
  const onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  // Safe casts below: the level selects' options are '' and LEVELS.
  const levelSelect = (id: string, label: string, value: Level | '', onChange: (v: Level | '') => void) => (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Level | '')}>
        <option value="">{t.t('letKaiAssess')}</option>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {levelLabel(l, t)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div class="modal" onKeyDown={onKeyDown}>
      <div class="modal__panel" role="dialog" aria-modal="true" aria-labelledby="log-call-title">
        <h2 id="log-call-title" class="modal__title">
          {t.t('logCall')}
        </h2>
        <form class="call-form" onSubmit={onSubmit} noValidate>
          <div class="field">
            <label class="field__label" for="call-name">
              {t.t('callerName')}
            </label>
            <input id="call-name" ref={first} type="text" maxLength={200} autoComplete="off" value={form.name} onInput={(e) => set('name', e.currentTarget.value)} />
          </div>
          <div class="field">
            <label class="field__label" for="call-email">
              {t.t('callerEmail')}
            </label>
            <input id="call-email" type="email" maxLength={254} autoComplete="off" value={form.email} onInput={(e) => set('email', e.currentTarget.value)} />
          </div>
          <div class="field">
            <label class="field__label" for="call-tz">
              {t.t('callerTimeZone')}
            </label>
            <select id="call-tz" value={form.timeZone} onChange={(e) => set('timeZone', e.currentTarget.value)}>
              <option value="">{t.t('notKnown')}</option>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
            <span class="field__hint">{t.t('callerZoneHint')}</span>
          </div>
          <div class="field">
            <label class="field__label" for="call-received">
              {t.t('callReceivedAt')}
            </label>
            <input id="call-received" type="datetime-local" required value={form.receivedAt} onInput={(e) => set('receivedAt', e.currentTarget.value)} />
            <span class="field__hint">{t.t('callReceivedHint')}</span>
          </div>
          <div class="field call-form__wide">
            <label class="field__label" for="call-subject">
              {t.t('subject')}
            </label>
            <input id="call-subject" type="text" maxLength={200} required value={form.subject} onInput={(e) => set('subject', e.currentTarget.value)} />
          </div>
          <div class="field call-form__wide">
            <label class="field__label" for="call-notes">
              {t.t('notes')}
            </label>
            <textarea id="call-notes" rows={4} required value={form.notes} onInput={(e) => set('notes', e.currentTarget.value)} />
          </div>
          {levelSelect('call-urgency', t.t('urgency'), form.urgency, (v) => set('urgency', v))}
          {levelSelect('call-impact', t.t('impact'), form.impact, (v) => set('impact', v))}
          {error && (
            <p class="form-error call-form__wide" role="alert">
              {error}
            </p>
          )}
          <div class="call-form__actions call-form__wide">
            <button type="button" class="btn" onClick={onCancel}>
              {t.t('cancel')}
            </button>
            <button type="submit" class="btn btn--primary" disabled={submitting}>
              {t.t('createTicket')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
