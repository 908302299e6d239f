import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Message, TicketAttachment } from '../../shared/protocol';
import type { ReplyDelivery } from '../../shared/reach';
import { AttachmentList } from './AttachmentList';
import { MessageItem } from './MessageItem';
import { useDeskT } from '../i18n/i18n';

export interface ConversationProps {
  messages: readonly Message[];
  now: ReadonlySignal<number>;
  /** The ticket's files (email attachments): shown with their message, the rest after the conversation. */
  attachments?: readonly TicketAttachment[];
  ticketId?: string;
  /** How each agent reply reached the customer, by message id. */
  deliveries?: Readonly<Record<string, ReplyDelivery>>;
}

/** How close to the bottom (px) counts as "reading the latest", so new messages scroll into view. */
const STICKY_PX = 160;

/** The whole conversation as a live log: customer, AI, agents, system, and internal notes. */
export function Conversation({ messages, now, attachments = [], ticketId, deliveries = {} }: ConversationProps) {
  const endRef = useRef<HTMLDivElement>(null);
  const t = useDeskT();
  const count = messages.length;
  useEffect(() => {
    const end = endRef.current;
    const scroller = end?.closest('.ticket__scroll');
    if (!end || !scroller) return;
    const fromBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    if (fromBottom < STICKY_PX + end.offsetHeight) end.scrollIntoView?.({ block: 'nearest' });
  }, [count]);

  return (
    <section class="conversation" aria-label={t.t('conversation')}>
      <h3 class="section-title">{t.t('conversation')}</h3>
      <div role="log" aria-label={t.t('messages')} class="conversation__log">
        {count === 0 ? (
          <p class="muted">{t.t('noMessages')}</p>
        ) : (
          <ol class="conversation__list">
            {messages.map((m) => (
              <MessageItem key={m.id} message={m} now={now.value} ticketId={ticketId} attachments={filesOf(m, attachments)} delivery={deliveries[m.id]} />
            ))}
          </ol>
        )}
      </div>
      {ticketId && <AttachmentList ticketId={ticketId} attachments={attachments.filter((a) => !messages.some((m) => m.id === a.messageId))} />}
      <div ref={endRef} />
    </section>
  );
}

/** A message's files: those it carries (a chat message, also when it arrived live) or the ticket lists for it (mail). */
function filesOf(message: Message, attachments: readonly TicketAttachment[]): TicketAttachment[] {
  if (message.attachments?.length) return message.attachments.map((a) => ({ ...a, messageId: message.id }));
  return attachments.filter((a) => a.messageId === message.id);
}
