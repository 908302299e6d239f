import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { STATED_URGENCIES, STATED_URGENCY_LABELS, type StatedUrgency } from '../../../shared/self-service';
import type { NewRequestInput } from '../PortalModel';

/** Limits of `customerRequestSchema` in shared/api.ts (not imported: that module would bundle zod). */
const SUBJECT_MAX = 200;
const DESCRIPTION_MAX = 20000;

export interface NewRequestFormProps {
  /** Sends the request; resolves false when the server refused it (the error shows from the model). */
  onSubmit: (input: NewRequestInput) => Promise<boolean>;
  onCancel: () => void;
  busy: boolean;
  /** The server's reason the last submit failed. */
  error: string | null;
}

const isStated = (value: string): value is StatedUrgency => (STATED_URGENCIES as readonly string[]).includes(value);

/** `Subject`, `Description`, `How urgent is it for you?` (plain words), `Submit request`. */
export function NewRequestForm({ onSubmit, onCancel, busy, error }: NewRequestFormProps) {
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [urgency, setUrgency] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = (event: TargetedSubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!subject.trim()) return setProblem('Add a subject.');
    if (!description.trim()) return setProblem('Describe what you need help with.');
    if (!isStated(urgency)) return setProblem('Choose how urgent it is for you.');
    setProblem(null);
    void onSubmit({ subject: subject.trim(), description: description.trim(), urgency });
  };
  const shown = problem ?? error;

  return (
    <section class="portal-card" aria-labelledby="portal-new-title">
      <h2 id="portal-new-title">New request</h2>
      <form class="portal-form" onSubmit={submit} noValidate>
        <label for="portal-subject">Subject</label>
        <input id="portal-subject" ref={first} maxLength={SUBJECT_MAX} required value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
        <label for="portal-description">Description</label>
        <textarea id="portal-description" rows={6} maxLength={DESCRIPTION_MAX} required value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        <label for="portal-urgency">How urgent is it for you?</label>
        <select id="portal-urgency" required value={urgency} onChange={(e) => setUrgency(e.currentTarget.value)}>
          <option value="" disabled>
            Choose one
          </option>
          {STATED_URGENCIES.map((u) => (
            <option key={u} value={u}>
              {STATED_URGENCY_LABELS[u]}
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
            Submit request
          </button>
          <button type="button" class="fd-req-button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
