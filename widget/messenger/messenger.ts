/**
 * One messenger instance: creates the models, speaks the bridge with the loader in the parent page, and turns
 * bridge messages into model calls. main.tsx creates it with the browser's globals; tests with fakes.
 */
import { effect, signal, type ReadonlySignal } from '@preact/signals';
import { envelope, parseLoaderMessage, type BridgeUser, type LoaderMessage, type MessengerMessage } from '../bridge';
import { ConsentStore } from './consent-store';
import { asVisitorSocket, ConnectionModel, type ConnectionOptions } from './models/connection';
import { ConversationModel } from './models/conversation';
import { PreferencesModel } from './preferences';
import type { SharedTabs } from './tabs';
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
  /** The browser's languages (BCP 47, `navigator.languages`), the last choice after boot's and the site's. */
  languages?: readonly string[];
  /** How long to wait for the loader's `boot` (which may carry the user) before starting anonymously. */
  bootTimeoutMs?: number;
}

export interface Messenger {
  connection: ConnectionModel;
  conversation: ConversationModel;
  /** Language (texts, formats, direction) and theme. */
  preferences: PreferencesModel;
  /** Bumped whenever the composer should take focus (open, prefill). */
  focusRequests: ReadonlySignal<number>;
  /** Whether a loader page embeds us (else we run standalone at /messenger). */
  embedded: boolean;
  /** Asks the composer to take focus. */
  focusComposer(): void;
  /** The visitor's own minimise button: the loader hides the panel. */
  minimise(): void;
  /** The host page's path (from `boot`), for the help articles suggested for it. */
  page(): string;
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

interface Models {
  store: ConsentStore;
  preferences: PreferencesModel;
  conversation: ConversationModel;
  connection: ConnectionModel;
}

function createModels(env: MessengerEnv, post: (message: MessengerMessage) => void, embedded: boolean): Models {
  const keys = storageKeys(env.siteKey);
  // Embedded, nothing is written until `boot` says whether the site has the visitor's consent.
  const store = new ConsentStore(env.store, !embedded);
  const preferences = new PreferencesModel(env.languages ?? []);
  const conversation = new ConversationModel({
    store,
    outboxKey: keys.outbox,
    onTicketCreated: (ticket) => post({ type: 'ticket:created', ticket }),
  });
  const connection = new ConnectionModel({
    siteKey: env.siteKey,
    origin: env.parentOrigin,
    timeZone: env.timeZone,
    language: preferences.language,
    store,
    keys,
    fetch: env.fetch,
    openSocket: env.openSocket,
    onSocket: (socket) => conversation.attach(asVisitorSocket(socket)),
    onNewVisitor: () => conversation.clear({ keepOutbox: true }),
  });
  conversation.setOpen(!embedded);
  return { store, preferences, conversation, connection };
}

/** Turns the loader's messages into model calls; `start` makes (or renews) the session. */
function bridgeHandler(models: Models, start: (message: LoaderMessage & { type: 'boot' }) => void, focusComposer: () => void) {
  const { store, conversation, connection } = models;
  return (message: LoaderMessage): void => {
    switch (message.type) {
      case 'boot':
        if (message.consent !== false) store.grant();
        start(message);
        break;
      case 'consent':
        store.grant();
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
        break;
    }
  };
}

export function createMessenger(env: MessengerEnv): Messenger {
  const { win } = env;
  const embedded = env.parentOrigin !== null && win.parent !== win;
  const post = (message: MessengerMessage): void => {
    if (embedded && env.parentOrigin) win.parent.postMessage(envelope(message), env.parentOrigin);
  };
  const focusRequests = signal(0);
  const focusComposer = (): void => {
    focusRequests.value++;
  };
  const models = createModels(env, post, embedded);
  const { connection, conversation, preferences } = models;

  let started = false;
  let sentLanguage = preferences.language;
  let user: BridgeUser | undefined;
  let page = '';
  const session = (): void => {
    sentLanguage = preferences.language;
    connection.setLanguage(sentLanguage);
    void connection.session(user);
  };
  let sentContext = '';
  const start = (boot: LoaderMessage & { type: 'boot' }): void => {
    page = boot.page ?? page;
    void preferences.boot(boot.language, boot.theme);
    // The page the visitor is on and the site's attributes, for the agents (the server keeps the latest).
    const context = { page: boot.url ? { url: boot.url, title: boot.title, referrer: boot.referrer } : undefined, attributes: boot.attributes };
    const contextText = JSON.stringify(context);
    connection.setContext(context);
    if (!connection.canContinueAs(boot.user)) {
      connection.forget();
      conversation.clear();
    } else if (started && !boot.user && preferences.language === sentLanguage && contextText === sentContext) {
      return; // still the same anonymous visitor on the same page: nothing to tell the server
    }
    sentContext = contextText;
    started = true;
    user = boot.user;
    session();
  };
  const onBridge = bridgeHandler(models, start, focusComposer);
  // Loaded right after start (its own chunk, outside the first load's budget); a tab opened meanwhile is told nothing.
  let tabs: SharedTabs | null = null;
  let disposed = false;
  void import('./tabs').then(({ shareAcrossTabs }) => {
    if (!disposed) tabs = shareAcrossTabs(win, env.siteKey, conversation);
  });
  // The site's default language comes with the session; tell the server again if it changes the choice.
  const stopSiteLanguage = effect(() => {
    const site = connection.site.value;
    if (!site) return;
    void preferences.setSiteDefault(site.language);
    if (preferences.language !== sentLanguage) session();
  });

  const onMessage = (event: MessageEvent): void => {
    if (event.origin !== env.parentOrigin || event.source !== win.parent) return;
    const message = parseLoaderMessage(event.data);
    if (!message) return;
    if (message.type === 'shutdown') started = false;
    if (message.type === 'open') tabs?.link.read();
    onBridge(message);
  };

  let bootTimer: ReturnType<typeof setTimeout> | null = null;
  let stopUnread = (): void => {};
  if (embedded) {
    win.addEventListener('message', onMessage);
    // The loader answers `ready` with `boot` at once; without it (an old loader, a blocked message) start anyway.
    bootTimer = setTimeout(() => {
      if (!started) onBridge({ type: 'boot' });
    }, env.bootTimeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS);
    post({ type: 'ready' });
    stopUnread = effect(() => post({ type: 'unread', count: conversation.unread.value }));
  } else {
    start({ type: 'boot' });
  }

  return {
    connection,
    conversation,
    preferences,
    focusRequests,
    embedded,
    focusComposer,
    minimise: () => post({ type: 'close' }),
    page: () => page,
    selfService: { fetch: env.fetch, token: () => models.store.get(storageKeys(env.siteKey).token) },
    dispose: () => {
      if (bootTimer) clearTimeout(bootTimer);
      stopUnread();
      stopSiteLanguage();
      disposed = true;
      tabs?.stop();
      win.removeEventListener('message', onMessage);
      conversation.dispose();
      connection.dispose();
    },
  };
}
