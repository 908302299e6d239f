import type { Message } from '../../shared/protocol';
import { AUTHOR_KIND_LABELS, formatDateTime, formatMessageTime } from '../format';
import { SourceLink } from './SourceLink';

export interface MessageItemProps {
  message: Message;
  now: number;
}

/** One message; internal notes are styled apart and labelled "Internal note". */
export function MessageItem({ message, now }: MessageItemProps) {
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
      </div>
      <p class="msg__body">{message.body}</p>
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
