/**
 * The visitor's session and socket: `POST /api/widget/session` (token kept in storage), then socket.io on the
 * `/visitor` namespace (`socket/light-socket.ts`). The socket reconnects by itself; this model only follows its status, and makes a new
 * session when the server refuses the token at connect time.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { ErrorBody } from '../../../shared/errors';
import type { PublicSiteSettings, WidgetSession, WidgetSessionInput } from '../../../shared/protocol';
import type { BridgeUser } from '../../bridge';
import type { KeyValueStore, StorageKeys } from '../storage';
import type { VisitorSocket } from './visitor-socket';

/** What this model uses of the socket (`LightSocket`, socket.io-client's names and meanings). */
export interface VisitorClientSocket {
  readonly connected: boolean;
  /** False once the server refused the handshake (or the socket was closed on purpose): no reconnecting. */
  readonly active: boolean;
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
  on(event: 'connect_error', listener: (error: Error) => void): unknown;
  connect(): VisitorClientSocket;
  disconnect(): VisitorClientSocket;
}

/**
 * The real socket as the conversation model's `VisitorSocket`. Its methods take any event name and payload;
 * the names and payloads the models send are those of shared/protocol.ts, so the socket is used as it is.
 */
export function asVisitorSocket(socket: VisitorClientSocket): VisitorSocket {
  return socket as unknown as VisitorSocket;
}

/** `idle` before start and after shutdown; `failed` when the server will not serve this site or origin. */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

/** Whether a person is around, as the server says it in the visitor's time zone (`WidgetSession.availability`). */
export type Availability = WidgetSession['availability'];

/** The session's availability if it has the expected shape (an older server sends none). */
function readAvailability(value: unknown): Availability | null {
  if (!value || typeof value !== 'object') return null;
  const { openNow, text } = value as Record<string, unknown>;
  return typeof openNow === 'boolean' && typeof text === 'string' && text.trim() !== '' ? { openNow, text } : null;
}

export interface ConnectionOptions {
  siteKey: string;
  /** The host page's origin, from the iframe URL; the server checks it against the site's allowed origins. */
  origin: string | null;
  timeZone: string | undefined;
  /** The browser's language (`navigator.language`); Kai replies in it. */
  language?: string | undefined;
  store: KeyValueStore;
  keys: StorageKeys;
  fetch: typeof fetch;
  /** Opens the socket. Its `auth` must call `token()` on every (re)connect so a renewed token is used. */
  openSocket: (token: () => string) => VisitorClientSocket;
  /** A socket was opened (once per model). */
  onSocket: (socket: VisitorClientSocket) => void;
  /** The server made a new visitor where we had another (the old token was refused): drop its conversation. */
  onNewVisitor?: () => void;
}

/** A refusal from `POST /api/widget/session`. */
export class SessionError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
}

const RETRY_FIRST_MS = 1000;
/** `widgetSessionSchema.language`'s limit (BCP 47 tags are short; the schema allows 35). */
const MAX_LANGUAGE_LENGTH = 35;
const RETRY_MAX_MS = 30000;

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class ConnectionModel {
  private readonly _status = signal<ConnectionStatus>('idle');
  private readonly _site = signal<PublicSiteSettings | null>(null);
  private readonly _error = signal<string | null>(null);
  private readonly _availability = signal<Availability | null>(null);

  readonly status: ReadonlySignal<ConnectionStatus> = this._status;
  /** The site's public settings, once the session is made. */
  readonly site: ReadonlySignal<PublicSiteSettings | null> = this._site;
  /** What to tell the visitor when the status is `failed`. */
  readonly error: ReadonlySignal<string | null> = this._error;
  /** Whether the team is in now, and if not when it opens (from the latest session); null until then. */
  readonly availability: ReadonlySignal<Availability | null> = this._availability;

  private socket: VisitorClientSocket | null = null;
  private token: string | null;
  private visitorId: string | null = null;
  private userId: string;
  private user: BridgeUser | undefined;
  private context: Pick<WidgetSessionInput, 'page' | 'attributes'> = {};
  /** Session calls run one after another; a newer generation makes older retry loops give up. */
  private queue: Promise<void> = Promise.resolve();
  private generation = 0;
  private refreshes = 0;

  constructor(private readonly options: ConnectionOptions) {
    this.options = { ...options };
    this.token = options.store.get(options.keys.token);
    this.userId = options.store.get(options.keys.user) ?? '';
  }

  /**
   * Whether the stored conversation may continue for `user`: not when it belongs to another identified user,
   * nor when an identified user's conversation would continue anonymously (someone signed out).
   */
  canContinueAs(user: BridgeUser | undefined): boolean {
    return this.userId === '' || this.userId === (user?.id ?? '');
  }

  /** Makes (or renews, with identity) the session, then connects. Calls run in order. */
  session(user: BridgeUser | undefined): Promise<void> {
    this.user = user;
    const generation = ++this.generation;
    this.queue = this.queue.then(() => this.establish(generation));
    return this.queue;
  }

  /** Disconnects and forgets the visitor's token (`shutdown`, or another user). */
  forget(): void {
    this.generation++;
    this.socket?.disconnect();
    this.token = null;
    this.visitorId = null;
    this.userId = '';
    this.options.store.remove(this.options.keys.token);
    this.options.store.remove(this.options.keys.user);
    this._availability.value = null;
    this._status.value = 'idle';
  }

  /** The language the session tells the server (Kai's replies, the promise); sent with the next session call. */
  setLanguage(language: string): void {
    this.options.language = language;
  }

  /** The host page (address, title, referrer) and the site's `boot` attributes, sent with each session call. */
  setContext(context: Pick<WidgetSessionInput, 'page' | 'attributes'>): void {
    this.context = context;
  }

  dispose(): void {
    this.generation++;
    this.socket?.disconnect();
  }

  private async establish(generation: number): Promise<void> {
    let delay = RETRY_FIRST_MS;
    if (this._status.peek() !== 'connected') this._status.value = 'connecting';
    while (generation === this.generation) {
      try {
        const session = await this.post();
        if (generation !== this.generation) return;
        this.adopt(session);
        return;
      } catch (error) {
        if (generation !== this.generation) return;
        if (error instanceof SessionError && error.status === 401 && this.token) {
          this.token = null; // the old token is no good: start over as a new visitor
          continue;
        }
        if (error instanceof SessionError && error.status < 500 && error.status !== 429) {
          this._error.value = error.body?.message ?? null; // none: the status line says "unavailable" in the visitor's language
          this._status.value = 'failed';
          return;
        }
        await wait(delay); // network trouble or a busy server: try again
        delay = Math.min(delay * 2, RETRY_MAX_MS);
      }
    }
  }

  private async post(): Promise<WidgetSession> {
    const { siteKey, origin, timeZone, language } = this.options;
    const body: WidgetSessionInput = { siteKey };
    if (this.token) body.token = this.token;
    if (origin) body.origin = origin;
    if (timeZone) body.timeZone = timeZone;
    // The server refuses a longer tag (and with it the whole session); Kai then uses the site's language.
    if (language && language.length <= MAX_LANGUAGE_LENGTH) body.language = language;
    if (this.user) body.user = this.user;
    Object.assign(body, this.context);
    const response = await this.options.fetch('/api/widget/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) throw new SessionError(response.status, (json as { error?: ErrorBody } | null)?.error ?? null);
    return json as WidgetSession; // the server's answer to this route, per shared/protocol.ts
  }

  private adopt(session: WidgetSession): void {
    // Tokens are re-signed on every call; only a change of visitor means the socket must authenticate anew.
    const renewed = this.visitorId !== null && this.visitorId !== session.visitorId;
    this.visitorId = session.visitorId;
    this.token = session.token;
    this.userId = this.user?.id ?? this.userId;
    this.options.store.set(this.options.keys.token, session.token);
    if (this.userId) this.options.store.set(this.options.keys.user, this.userId);
    this._site.value = session.site;
    this._availability.value = readAvailability(session.availability);
    this._error.value = null;
    if (!this.socket) {
      this.socket = this.openSocket();
      this.options.onSocket(this.socket);
    } else if (renewed || !this.socket.connected) {
      // The socket authenticated as the old visitor, or gave up: reconnect with the new token.
      if (renewed) this.options.onNewVisitor?.();
      this.socket.disconnect().connect();
    }
  }

  private openSocket(): VisitorClientSocket {
    const socket = this.options.openSocket(() => this.token ?? '');
    socket.on('connect', () => {
      this.refreshes = 0;
      this._status.value = 'connected';
    });
    socket.on('disconnect', (reason) => {
      this._status.value = reason === 'io client disconnect' ? 'idle' : 'reconnecting';
    });
    socket.on('connect_error', () => {
      if (socket.active) {
        this._status.value = this._status.peek() === 'connecting' ? 'connecting' : 'reconnecting';
        return;
      }
      // The server refused the handshake (token expired or revoked): make a new session, then reconnect.
      this._status.value = 'reconnecting';
      const backoff = Math.min(RETRY_FIRST_MS * 2 ** this.refreshes++, RETRY_MAX_MS);
      void wait(backoff).then(() => this.session(this.user));
    });
    return socket;
  }
}
