/**
 * The cards after a handoff (loaded lazily by ReachSlot): the email question, "Email me this conversation" once
 * an address is known, and "How did we do?" when the request is solved.
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { ReachSlotProps } from '../components/ReachSlot';
import { cards } from '../../i18n/cards';
import { useTexts } from '../../i18n/parts';
import { CsatCard } from '../../requests/components/CsatCard';
import { EmailPending, EmailQuestion } from './EmailQuestion';
import { ReachModel } from './reach-model';
import './reach.css';

export function ReachCards({ messenger }: ReachSlotProps) {
  const model = useMemo(() => new ReachModel(messenger.selfService), [messenger]);
  const texts = useTexts(cards);
  const ticket = messenger.conversation.state.value.ticket;
  const ticketId = ticket?.id ?? null;
  const solved = ticket?.status === 'solved';
  useEffect(() => {
    void model.load();
  }, [model, ticketId]);
  useEffect(() => {
    if (ticketId && solved) void model.loadCsat(ticketId);
  }, [model, ticketId, solved]);

  if (!texts) return null;
  const reach = model.reach.value;
  const csat = model.csat.value;
  const known = reach && (reach.status === 'verified' || reach.status === 'confirmed');
  return (
    <div class="fd-reach-cards">
      {reach?.status === 'none' && reach.askForEmail && !model.declined.value && <EmailQuestion model={model} texts={texts} />}
      {reach?.status === 'pending' && reach.email && <EmailPending email={reach.email} texts={texts} />}
      {ticketId && solved && csat?.askedAt && <CsatCard answer={csat.answer} busy={model.busy.value} onRate={(rating, comment) => void model.rate(ticketId, rating, comment)} />}
      {known && (
        <button type="button" class="fd-link-button" disabled={model.busy.value} onClick={() => void model.emailTranscript()}>
          {texts.t('emailTranscript')}
        </button>
      )}
      {model.notice.value && (
        <p class="fd-notice" role="status">
          {texts.say(model.notice.value)}
        </p>
      )}
    </div>
  );
}
