import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { STATED_URGENCIES, type StatedUrgency } from '../../../shared/self-service';
import { cards } from '../../i18n/cards';
import { portal } from '../../i18n/portal';
import { useTexts } from '../../i18n/parts';
import type { RequestsLine } from '../../requests/RequestsModel';
import type { NewRequestInput } from '../PortalModel';

/** Limits of `customerRequestSchema` in shared/api.ts (not imported: that module would bundle zod). */
const SUBJECT_MAX = 200;
const DESCRIPTION_MAX = 20000;

export interface NewRequestFormProps {
  /** Sends the request; resolves false when the server refused it (the error shows from the model). */
  onSubmit: (input: NewRequestInput) => Promise<boolean>;
  onCancel: () => void;
  busy: boolean;
  /** The server's reason the last submit failed, in the page's language. */
  error: RequestsLine | null;
}

const isStated = (value: string): value is StatedUrgency => (STATED_URGENCIES as readonly string[]).includes(value);

/** `Subject`, `Description`, `How urgent is it for you?` (plain words), `Submit request`. */
export function NewRequestForm({ onSubmit, onCancel, busy, error }: NewRequestFormProps) {
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [urgency, setUrgency] = useState('');
  const [problem, setProblem] = useState<'addSubject' | 'describe' | 'chooseUrgency' | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const texts = useTexts(portal);
  const shared = useTexts(cards);
  useEffect(() => first.current?.focus(), [texts, shared]);
  if (!texts || !shared) return null;

  const submit = (event: TargetedSubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!subject.trim()) return setProblem('addSubject');
    if (!description.trim()) return setProblem('describe');
    if (!isStated(urgency)) return setProblem('chooseUrgency');
    setProblem(null);
    void onSubmit({ subject: subject.trim(), description: description.trim(), urgency });
  };
  const shown = problem ? texts.t(problem) : error ? shared.say(error) : null;

  return (
    <section class="portal-card" aria-labelledby="portal-new-title">
      <h2 id="portal-new-title">{texts.t('newRequest')}</h2>
      <form class="portal-form" onSubmit={submit} noValidate>
        <label for="portal-subject">{texts.t('subject')}</label>
        <input id="portal-subject" ref={first} maxLength={SUBJECT_MAX} required value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
        <label for="portal-description">{texts.t('description')}</label>
        <textarea id="portal-description" rows={6} maxLength={DESCRIPTION_MAX} required value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        <label for="portal-urgency">{texts.t('urgency')}</label>
        <select id="portal-urgency" required value={urgency} onChange={(e) => setUrgency(e.currentTarget.value)}>
          <option value="" disabled>
            {texts.t('chooseOne')}
          </option>
          {STATED_URGENCIES.map((u) => (
            <option key={u} value={u}>
              {texts.t(`urgency_${u}`)}
            </option>
          ))}
        </select>
        {shown && (
          <p class="fd-req-error" role="alert">
            {shown}
          </p>
        )}
        <div class="fd-req-actions">
          <button type="submit" class="fd-req-button fd-req-button--primary" disabled={busy}>
            {texts.t('submit')}
          </button>
          <button type="button" class="fd-req-button" onClick={onCancel}>
            {shared.t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
