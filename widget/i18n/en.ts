/**
 * The messenger's English texts on first open: the source of every other catalogue and the fallback for a
 * missing key (shapes in `catalogue.ts`). Texts only lazily loaded views show are parts: `cards.ts`, `files.ts`, `portal.ts`.
 * With `en`, the accessible names here are those outside tests rely on: change them only with the README.
 */
import type { CatalogueOf } from './catalogue';

export const en = {
  messenger: 'Messenger',
  minimise: 'Minimise messenger',
  subtitleAi: '{agent} answers right away',
  subtitleWaiting: 'Your request is with our team',
  subtitleHuman: 'A person is helping you',
  subtitleClosed: 'Conversation closed',
  yourRequests: 'Your requests',
  backToChat: 'Back to chat',
  loadingRequests: 'Loading your requests…',
  requestsFailed: 'Your requests could not be loaded. Check your connection and try again.',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  unavailable: 'The messenger is not available right now.',
  ticket: 'Ticket #{number}',
  findingPerson: 'Finding a person to help you…',
  closedNotice: 'This conversation is closed. Write again to start a new one.',
  talkToPerson: 'Talk to a person',
  message: 'Message',
  placeholder: 'Write a message…',
  send: 'Send',
  conversation: 'Conversation',
  sources: 'Sources',
  you: 'You',
  sending: 'Sending…',
  waitingForConnection: 'Waiting for connection',
  edit: 'Edit',
  typing: { one: '{names} is typing…', other: '{names} are typing…' },
  escalateFailed: 'Could not reach the team. Please try again.',
  unread: { one: '{count} new message', other: '{count} new messages' },
  helpArticles: 'Help articles',
};

/** A catalogue: every key of the English one (a plural stays a plural). */
export type Catalogue = CatalogueOf<typeof en>;
