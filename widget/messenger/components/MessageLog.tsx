import { useEffect, useRef } from 'preact/hooks';
import type { Author, Message } from '../../../shared/protocol';
import type { OutboxItem, StreamingMessage } from '../models/conversation';
import { Bubble, MessageItem, PendingItem } from './MessageItem';
import { useT } from '../../i18n/context';

export interface MessageLogProps {
  messages: Message[];
  outbox: OutboxItem[];
  /** Replies still being written (Kai's streamed answers), shown after the messages. */
  streams: StreamingMessage[];
  /** The site's greeting, shown as Kai's first bubble while the conversation is empty. */
  greeting: string | null;
  /** Who greets (the AI agent's name). */
  agentName: string;
  typing: Author[];
  connected: boolean;
  onEdit: (clientId: string) => void;
}

const sameAuthor = (a: Author | undefined, b: Author): boolean => !!a && a.kind === b.kind && a.name === b.name;

/** The conversation: a polite live log of messages, pending messages and who is typing. */
export function MessageLog({ messages, outbox, streams, greeting, agentName, typing, connected, onEdit }: MessageLogProps) {
  const i18n = useT();
  const ref = useRef<HTMLDivElement>(null);
  const count = messages.length + outbox.length + typing.length;
  const streamed = streams.reduce((n, s) => n + s.body.length, 0);
  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count, streamed]);

  const last = messages[messages.length - 1];
  const empty = messages.length === 0 && outbox.length === 0 && streams.length === 0;
  return (
    <div class="fd-log" role="log" aria-live="polite" aria-label={i18n.t('conversation')} ref={ref} tabIndex={0}>
      <ol class="fd-log__list">
        {empty && greeting && <Bubble author={{ kind: 'ai', name: agentName }} body={greeting} showName />}
        {messages.map((message, i) => (
          <MessageItem key={message.id} message={message} showName={!sameAuthor(messages[i - 1]?.author, message.author)} />
        ))}
        {streams.map((s, i) => (
          <Bubble key={`stream:${s.streamId}`} author={s.author} body={s.body} showName={!sameAuthor(i > 0 ? streams[i - 1]?.author : last?.author, s.author)} streaming />
        ))}
        {outbox.map((item) => (
          <PendingItem key={item.clientId} item={item} connected={connected} onEdit={onEdit} />
        ))}
      </ol>
      {typing.length > 0 && (
        <p class="fd-typing">
          <span class="fd-typing__dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {i18n.t('typing', { count: typing.length, names: new Intl.ListFormat(i18n.language).format(typing.map((a) => a.name)) })}
        </p>
      )}
    </div>
  );
}
