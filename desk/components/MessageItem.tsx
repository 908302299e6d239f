import type { Message, TicketAttachment } from '../../shared/protocol';
import type { ReplyDelivery } from '../../shared/reach';
import { ReplyDeliveryBadge } from '../reach/ReplyDeliveryBadge';
import { AUTHOR_KIND_LABELS, formatDateTime, formatMessageTime } from '../format';
import { SessionCard } from './SessionCard';
import { SourceLink } from './SourceLink';
import { AttachmentList } from './AttachmentList';
import { QuotedText } from './QuotedText';

export interface MessageItemProps {
  message: Message;
  now: number;
  /** Files that came with this message (email), downloadable from this ticket. */
  attachments?: readonly TicketAttachment[];
  ticketId?: string;
  /** How this reply reached the customer (agents' public replies). */
  delivery?: ReplyDelivery | undefined;
}

/** One message; internal notes are styled apart and labelled "Internal note". */
export function MessageItem({ message, now, attachments = [], ticketId, delivery }: MessageItemProps) {
  const { author, internal } = message;
  const classes = ['msg', `msg--${author.kind}`];
  if (internal) classes.push('msg--internal');
  return (
    <li class={classes.join(' ')} data-internal={internal ? 'true' : 'false'} data-message-id={message.id}>
      <div class="msg__head">
        <span class="msg__author">{author.name || AUTHOR_KIND_LABELS[author.kind]}</span>
        <span class="msg__kind">{AUTHOR_KIND_LABELS[author.kind]}</span>
        {internal && <span class="msg__tag">Internal note</span>}
        <time class="msg__time" dateTime={message.createdAt} title={formatDateTime(message.createdAt)}>
          {formatMessageTime(message.createdAt, now)}
        </time>
        {delivery && <ReplyDeliveryBadge delivery={delivery} />}
      </div>
      <p class="msg__body">{message.body}</p>
      {message.quoted && <QuotedText text={message.quoted} id={message.id} />}
      {ticketId && <AttachmentList ticketId={ticketId} attachments={attachments} />}
      {message.card?.type === 'remote_session' && <SessionCard card={message.card} />}
      {message.sources.length > 0 && (
        <ul class="msg__sources" aria-label="Sources">
          {message.sources.map((s) => (
            <li key={s.id}>
              <SourceLink source={s} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
