import type { ComponentChildren } from 'preact';
import type { Author, Message, MessageCard } from '../../../shared/protocol';
import type { OutboxItem } from '../models/conversation';
import { lazyView } from './lazy';

/** The invitation card, loaded when the first one is shown (most chats never have one); its text if that fails. */
const LazyCard = lazyView<{ card: MessageCard; text: string }>(
  () => import('./RemoteSessionCard').then((m) => m.RemoteSessionCard),
  ({ text }) => <p>{text}</p>,
);
import { FilesSlot } from './FilesSlot';
import { Sources } from './Sources';
import { useT } from '../../i18n/context';

export interface MessageItemProps {
  message: Message;
  /** False for the second and later messages of a run by the same author (the name is then for screen readers only). */
  showName: boolean;
}

export interface PendingItemProps {
  item: OutboxItem;
  connected: boolean;
  /** Takes a refused message back into the composer. */
  onEdit: (clientId: string) => void;
}

export interface BubbleProps {
  author: Author;
  /** Null (or empty) when a card stands in for the text (the card carries everything the body says), or for files alone. */
  body: string | null;
  showName: boolean;
  time?: string;
  /** A reply still being written: busy, so screen readers announce it once, when the final message replaces it. */
  streaming?: boolean;
  children?: ComponentChildren;
}

/** The label above a bubble: "You" (in the visitor's language) for the visitor, else the author's name. */
export function authorLabel(author: Author, you = 'You'): string {
  return author.kind === 'customer' ? you : author.name;
}

/** One bubble. Every string is rendered as text: bodies and names come from visitors, agents, email and a model. */
export function Bubble({ author, body, showName, time, streaming, children }: BubbleProps) {
  const i18n = useT();
  const own = author.kind === 'customer';
  return (
    <li class={`fd-msg fd-msg--${author.kind}${streaming ? ' fd-msg--streaming' : ''}`} aria-busy={streaming ? 'true' : undefined}>
      <span class={own || !showName ? 'fd-msg__author fd-sr' : 'fd-msg__author'}>{authorLabel(author, i18n.t('you'))}</span>
      {body && <p class="fd-msg__body">{body}</p>}
      {children}
      {time && <span class="fd-msg__meta">{time}</span>}
    </li>
  );
}

/** A message the server has. */
export function MessageItem({ message, showName }: MessageItemProps) {
  const i18n = useT();
  // A card of a kind this messenger does not know falls back to the message text.
  const card = message.card?.type === 'remote_session' ? message.card : null;
  return (
    <Bubble author={message.author} body={card ? null : message.body} showName={showName} time={i18n.time(message.createdAt)}>
      {card && <LazyCard card={card} text={message.body} />}
      {message.attachments && <FilesSlot files={message.attachments} />}
      <Sources sources={message.sources} />
    </Bubble>
  );
}

const YOU: Author = { kind: 'customer', name: 'You' };

/** A message on its way: "Sending…", "Waiting for connection", or the server's refusal. */
export function PendingItem({ item, connected, onEdit }: PendingItemProps) {
  const i18n = useT();
  return (
    <Bubble author={YOU} body={item.body} showName={false}>
      {item.error ? (
        <p class="fd-msg__meta fd-msg__meta--error">
          {item.error}{' '}
          <button type="button" class="fd-link-button" onClick={() => onEdit(item.clientId)}>
            {i18n.t('edit')}
          </button>
        </p>
      ) : (
        <span class="fd-msg__meta fd-msg__meta--pending">{i18n.t(connected ? 'sending' : 'waitingForConnection')}</span>
      )}
    </Bubble>
  );
}
