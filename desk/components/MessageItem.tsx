import type { Message, TicketAttachment } from '../../shared/protocol';
import type { ReplyDelivery } from '../../shared/reach';
import { ReplyDeliveryBadge } from '../reach/ReplyDeliveryBadge';
import { authorKindLabel, formatDateTime, formatMessageTime } from '../format';
import { SessionCard } from './SessionCard';
import { SourceLink } from './SourceLink';
import { AttachmentList } from './AttachmentList';
import { QuotedText } from './QuotedText';
import { useDeskT } from '../i18n/i18n';

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
  const t = useDeskT();
  const classes = ['msg', `msg--${author.kind}`];
  if (internal) classes.push('msg--internal');
  return (
    <li class={classes.join(' ')} data-internal={internal ? 'true' : 'false'} data-message-id={message.id}>
      <div class="msg__head">
        <span class="msg__author">{author.name || authorKindLabel(author.kind, t)}</span>
        <span class="msg__kind">{authorKindLabel(author.kind, t)}</span>
        {internal && <span class="msg__tag">{t.t('internalNote')}</span>}
        <time class="msg__time" dateTime={message.createdAt} title={formatDateTime(message.createdAt, t)}>
          {formatMessageTime(message.createdAt, now, t)}
        </time>
        {delivery && <ReplyDeliveryBadge delivery={delivery} />}
      </div>
      <p class="msg__body">{message.body}</p>
      {message.quoted && <QuotedText text={message.quoted} id={message.id} />}
      {ticketId && <AttachmentList ticketId={ticketId} attachments={attachments} />}
      {message.card?.type === 'remote_session' && <SessionCard card={message.card} />}
      {message.sources.length > 0 && (
        <ul class="msg__sources" aria-label={t.t('sources')}>
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
