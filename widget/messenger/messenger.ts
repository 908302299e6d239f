/**
 * One messenger instance: creates the models, speaks the bridge with the loader in the parent page, and turns
 * bridge messages into model calls. main.tsx creates it with the browser's globals; tests with fakes.
 */
import { effect, signal, type ReadonlySignal } from '@preact/signals';
import { envelope, parseLoaderMessage, type BridgeUser, type LoaderMessage, type MessengerMessage } from '../bridge';
import { asVisitorSocket, ConnectionModel, type ConnectionOptions } from './models/connection';
import { ConversationModel } from './models/conversation';
import { storageKeys, type KeyValueStore } from './storage';

export interface MessengerEnv {
  win: Window;
  siteKey: string;
  /** The host page's origin from the iframe URL (already checked to be an origin), or null when standalone. */
  parentOrigin: string | null;
  store: KeyValueStore;
  fetch: typeof fetch;
  openSocket: ConnectionOptions['openSocket'];
  timeZone?: string;
  /** The browser's language (BCP 47), sent with the session so Kai answers in it. */
  language?: string;
  /** How long to wait for the loader's `boot` (which may carry the user) before starting anonymously. */
  bootTimeoutMs?: number;
}

export interface Messenger {
  connection: ConnectionModel;
  conversation: ConversationModel;
  /** Bumped whenever the composer should take focus (open, prefill). */
  focusRequests: ReadonlySignal<number>;
  /** Whether a loader page embeds us (else we run standalone at /messenger). */
  embedded: boolean;
  /** Asks the composer to take focus. */
  focusComposer(): void;
  /** The visitor's own minimise button: the loader hides the panel. */
  minimise(): void;
  /** What "Your requests" calls the self-service routes with: the page's fetch and the visitor token (null before a session). */
  selfService: { fetch: typeof fetch; token: () => string | null };
  dispose(): void;
}

const DEFAULT_BOOT_TIMEOUT_MS = 1500;

/** The origin in the iframe URL's `origin` parameter, if it is an http(s) origin exactly. */
export function readParentOrigin(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value ? value : null;
  } catch {
    return null;
  }
}

export function createMessenger(env: MessengerEnv): Messenger {
  const { win } = env;
  const keys = storageKeys(env.siteKey);
  const embedded = env.parentOrigin !== null && win.parent !== win;
  const post = (message: MessengerMessage): void => {
    if (embedded && env.parentOrigin) win.parent.postMessage(envelope(message), env.parentOrigin);
  };
  const focusRequests = signal(0);
  const focusComposer = (): void => {
    focusRequests.value++;
  };

  const conversation = new ConversationModel({
    store: env.store,
    outboxKey: keys.outbox,
    onTicketCreated: (ticket) => post({ type: 'ticket:created', ticket }),
  });
  const connection = new ConnectionModel({
    siteKey: env.siteKey,
    origin: env.parentOrigin,
    timeZone: env.timeZone,
    language: env.language,
    store: env.store,
    keys,
    fetch: env.fetch,
    openSocket: env.openSocket,
    onSocket: (socket) => conversation.attach(asVisitorSocket(socket)),
    onNewVisitor: () => conversation.clear({ keepOutbox: true }),
  });
  conversation.setOpen(!embedded);

  let started = false;
  const start = (user: BridgeUser | undefined): void => {
    if (!connection.canContinueAs(user)) {
      connection.forget();
      conversation.clear();
    } else if (started && !user) {
      return; // still the same anonymous visitor: nothing to tell the server
    }
    started = true;
    void connection.session(user);
  };

  const onBridge = (message: LoaderMessage): void => {
    switch (message.type) {
      case 'boot':
        start(message.user);
        break;
      case 'open':
        conversation.setOpen(true);
        focusComposer();
        break;
      case 'close':
        conversation.setOpen(false);
        break;
      case 'prefill':
        conversation.draft.value = message.text;
        focusComposer();
        break;
      case 'shutdown':
        connection.forget();
        conversation.clear();
        started = false;
        break;
    }
  };

  const onMessage = (event: MessageEvent): void => {
    if (event.origin !== env.parentOrigin || event.source !== win.parent) return;
    const message = parseLoaderMessage(event.data);
    if (message) onBridge(message);
  };

  let bootTimer: ReturnType<typeof setTimeout> | null = null;
  let stopUnread = (): void => {};
  if (embedded) {
    win.addEventListener('message', onMessage);
    // The loader answers `ready` with `boot` at once; without it (an old loader, a blocked message) start anyway.
    bootTimer = setTimeout(() => {
      if (!started) start(undefined);
    }, env.bootTimeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS);
    post({ type: 'ready' });
    stopUnread = effect(() => post({ type: 'unread', count: conversation.unread.value }));
  } else {
    start(undefined);
  }

  return {
    connection,
    conversation,
    focusRequests,
    embedded,
    focusComposer,
    minimise: () => post({ type: 'close' }),
    selfService: { fetch: env.fetch, token: () => env.store.get(keys.token) },
    dispose: () => {
      if (bootTimer) clearTimeout(bootTimer);
      stopUnread();
      win.removeEventListener('message', onMessage);
      conversation.dispose();
      connection.dispose();
    },
  };
}
