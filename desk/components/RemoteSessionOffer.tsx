import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Message, RemoteTool } from '../../shared/protocol';
import { REMOTE_TOOL_LABELS } from '../../shared/remote-tools';
import { RemoteSessionModel, type RemoteSessionApi, type RemoteSessionForm } from '../models/RemoteSessionModel';
import { useDeskT } from '../i18n/i18n';

export interface RemoteSessionOfferProps {
  api: RemoteSessionApi;
  ticketId: string;
  /** The requester's remembered tool (from the ticket), pre-selected. */
  preferredTool: RemoteTool | null;
  /** The invitation was posted: the card message, for the conversation. */
  onSent: (message: Message) => void;
}

// Safe: the keys of a Record<RemoteTool, …>.
const TOOLS = Object.keys(REMOTE_TOOL_LABELS) as RemoteTool[];

const PLACEHOLDERS: Record<RemoteTool, string> = {
  zoom: 'https://zoom.us/j/…',
  google_meet: 'https://meet.google.com/…',
  skype: 'https://join.skype.com/…',
  webex: 'https://yourcompany.webex.com/meet/…',
  other: 'https://…',
};

/**
 * `Offer remote session`: a form that invites the customer to Zoom, Google Meet, Skype, Webex or another tool.
 * The customer gets a card with a Join button; the server checks the link and that the start falls in the
 * ticket's business hours, and its message shows here when it refuses.
 */
export function RemoteSessionOffer({ api, ticketId, preferredTool, onSent }: RemoteSessionOfferProps) {
  const t = useDeskT();
  const model = useMemo(() => new RemoteSessionModel(api, ticketId), [api, ticketId]);
  useEffect(() => () => model.dispose(), [model]);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<RemoteSessionForm>({ tool: preferredTool ?? 'zoom', url: '', startsAt: '', note: '' });
  const opener = useRef<HTMLButtonElement>(null);
  const toolRef = useRef<HTMLSelectElement>(null);
  const list = model.list.value;
  const error = model.error.value;
  const sending = model.sending.value;

  const show = () => {
    // The remembered tool may have changed since the ticket was loaded.
    setForm((f) => ({ ...f, tool: preferredTool ?? f.tool }));
    setOpen(true);
    model.clearError();
    void model.load().then(() => {
      const remembered = model.list.value?.preferredTool;
      if (remembered && !preferredTool) setForm((f) => ({ ...f, tool: remembered }));
    });
  };
  useEffect(() => {
    if (open) toolRef.current?.focus();
  }, [open]);
  const hide = () => {
    setOpen(false);
    model.clearError();
    opener.current?.focus();
  };
  const set = <K extends keyof RemoteSessionForm>(key: K, value: RemoteSessionForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const message = await model.offer(form);
    if (!message) return;
    onSent(message);
    setForm((f) => ({ ...f, url: '', startsAt: '', note: '' }));
    hide();
  };

  return (
    <section class="remote" aria-label={t.t('remoteSupport')}>
      <button type="button" class="btn" ref={opener} aria-expanded={open} aria-controls="remote-form" onClick={() => (open ? hide() : show())}>
        {t.t('offerRemote')}
      </button>
      {list && list.sessions.length > 0 && (
        <span class="remote__count muted">
          {t.t('offeredCount', { count: list.sessions.length })}
        </span>
      )}
      {open && (
        <form id="remote-form" class="remote__form" onSubmit={onSubmit} noValidate>
          <label for="remote-tool">{t.t('tool')}</label>
          {/* Safe cast: the options are exactly TOOLS. */}
          <select id="remote-tool" ref={toolRef} value={form.tool} onChange={(e) => set('tool', e.currentTarget.value as RemoteTool)}>
            {TOOLS.map((tool) => (
              <option key={tool} value={tool}>
                {REMOTE_TOOL_LABELS[tool]}
              </option>
            ))}
          </select>
          <label for="remote-url">{t.t('meetingLink')}</label>
          <input id="remote-url" type="url" inputMode="url" maxLength={2000} placeholder={PLACEHOLDERS[form.tool]} value={form.url} onInput={(e) => set('url', e.currentTarget.value)} />
          <label for="remote-start">{t.t('startTime')}</label>
          <span class="remote__start">
            <input id="remote-start" type="datetime-local" value={form.startsAt} aria-describedby="remote-start-hint" onInput={(e) => set('startsAt', e.currentTarget.value)} />
            <span id="remote-start-hint" class="field__hint">
              {t.t('startHint')}
              {list && ` ${t.t('calendarHours', { calendar: list.hours.calendar, hours: list.hours.text })}`}
            </span>
          </span>
          <label for="remote-note">{t.t('note')}</label>
          <textarea id="remote-note" rows={2} maxLength={1000} value={form.note} onInput={(e) => set('note', e.currentTarget.value)} />
          {error && (
            <p class="form-error remote__error" role="alert">
              {error}
            </p>
          )}
          <span class="remote__actions">
            <button type="submit" class="btn btn--primary" disabled={sending}>
              {t.t('sendInvitation')}
            </button>
            <button type="button" class="btn" onClick={hide}>
              {t.t('cancel')}
            </button>
          </span>
        </form>
      )}
    </section>
  );
}
