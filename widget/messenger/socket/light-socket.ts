/**
 * A small socket.io client for one namespace, over a plain WebSocket only (Engine.IO protocol 4, Socket.IO
 * protocol 5, JSON payloads, no binary, no long-polling): what the messenger needs of socket.io-client in
 * about a tenth of its weight (12.5 KiB gzip), which the messenger's 25 KiB budget cannot carry. Every browser
 * the messenger supports has WebSocket, and a websocket-only client needs no sticky sessions behind a proxy.
 * It keeps socket.io-client's names and semantics for what the models use: `connected`, `active`, `on`/`off`,
 * `emit`, `timeout(ms).emitWithAck`, `connect()`, `disconnect()`, the `connect` / `disconnect(reason)` /
 * `connect_error(error)` events, and reconnection with backoff (1 s doubling to 5 s, ±50 %).
 * The desk and the tests keep socket.io-client itself.
 */

type Listener = (...args: never[]) => void;

export interface LightSocketOptions {
  /** The server's origin, e.g. `https://frontdesk.example` (the page's own by default). */
  origin?: string;
  /** socket.io's path on the server. */
  path?: string;
  /** Called at every (re)connect: what the namespace's middleware reads as `handshake.auth`. */
  auth: () => Record<string, unknown>;
  /** The WebSocket constructor (tests may pass another). */
  WebSocket?: typeof WebSocket;
}

const RECONNECT_FIRST_MS = 1000;
const RECONNECT_MAX_MS = 5000;

/** Splits a Socket.IO packet `<type>[/nsp,][ackId][json]` into its parts. */
export function decodePacket(text: string): { type: number; nsp: string; id: number | null; data: unknown } | null {
  const match = /^(\d)(\/[^,]*,)?(\d+)?(.*)$/s.exec(text);
  if (!match) return null;
  let data: unknown;
  try {
    data = match[4] ? JSON.parse(match[4]) : undefined;
  } catch {
    return null;
  }
  return { type: Number(match[1]), nsp: match[2] ? match[2].slice(0, -1) : '/', id: match[3] ? Number(match[3]) : null, data };
}

export class LightSocket {
  connected = false;
  /** False once the visitor or the server ended it: no more reconnecting. */
  active = false;
  private ws: WebSocket | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly acks = new Map<number, (value: unknown) => void>();
  private nextAck = 0;
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setTimeout> | undefined;
  /** pingInterval + pingTimeout from the server's open packet. */
  private heartbeatWindow = 0;

  constructor(
    private readonly nsp: string,
    private readonly options: LightSocketOptions,
  ) {
    this.connect();
  }

  on(event: string, listener: Listener): this {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(event, set);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  /** Sends an event now, or drops it while disconnected (socket.io would buffer; our callers resend). */
  emit(event: string, ...args: unknown[]): this {
    this.send(`2${this.prefix()}${JSON.stringify([event, ...args])}`);
    return this;
  }

  timeout(ms: number): { emitWithAck: (event: string, ...args: unknown[]) => Promise<never> } {
    return {
      emitWithAck: (event, ...args) =>
        new Promise((resolve, reject) => {
          const id = this.nextAck++;
          const timer = setTimeout(() => {
            this.acks.delete(id);
            reject(new Error('operation has timed out'));
          }, ms);
          this.acks.set(id, (value) => {
            clearTimeout(timer);
            resolve(value as never); // the ack's shape is the protocol's, as with socket.io-client
          });
          this.send(`2${this.prefix()}${id}${JSON.stringify([event, ...args])}`);
        }),
    };
  }

  connect(): this {
    if (this.ws) return this;
    clearTimeout(this.timer);
    this.active = true;
    const { origin = location.origin, path = '/socket.io', WebSocket: Ws = WebSocket } = this.options;
    const ws = new Ws(`${origin.replace(/^http/, 'ws')}${path}/?EIO=4&transport=websocket`);
    this.ws = ws;
    ws.onmessage = (event) => this.onEngine(String(event.data));
    ws.onclose = () => this.onClose(ws, 'transport close');
    return this;
  }

  disconnect(): this {
    if (this.connected) this.send(`1${this.prefix()}`);
    this.active = false;
    this.close('io client disconnect');
    return this;
  }

  private prefix(): string {
    return this.nsp === '/' ? '' : `${this.nsp},`;
  }

  private send(socketPacket: string): void {
    if (this.connected && this.ws) this.ws.send(`4${socketPacket}`);
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => void)(...args);
  }

  /** Engine.IO: `0` open (then join the namespace), `2` ping (answer `3`), `4` a Socket.IO packet. */
  private onEngine(text: string): void {
    const kind = text[0];
    if (kind === '0') {
      const { pingInterval, pingTimeout } = JSON.parse(text.slice(1)) as { pingInterval: number; pingTimeout: number };
      this.heartbeatWindow = pingInterval + pingTimeout;
      this.alive();
      this.ws?.send(`40${this.prefix()}${JSON.stringify(this.options.auth())}`);
    } else if (kind === '2') {
      this.alive();
      this.ws?.send('3');
    } else if (kind === '4') this.onPacket(text.slice(1));
  }

  /** The server pings every `pingInterval`; no ping for longer than interval + timeout means the link is dead. */
  private alive(): void {
    clearTimeout(this.heartbeat);
    this.heartbeat = setTimeout(() => this.close('ping timeout'), this.heartbeatWindow);
  }

  private onPacket(text: string): void {
    const packet = decodePacket(text);
    if (!packet || packet.nsp !== this.nsp) return;
    switch (packet.type) {
      case 0: // CONNECT accepted
        this.connected = true;
        this.attempts = 0;
        this.fire('connect');
        break;
      case 1: // DISCONNECT by the server: socket.io does not reconnect then
        this.active = false;
        this.close('io server disconnect');
        break;
      case 2: // EVENT
        if (Array.isArray(packet.data)) this.fire(String(packet.data[0]), ...packet.data.slice(1));
        break;
      case 3: // ACK
        if (packet.id !== null && Array.isArray(packet.data)) this.acks.get(packet.id)?.(packet.data[0]);
        if (packet.id !== null) this.acks.delete(packet.id);
        break;
      case 4: {
        // CONNECT_ERROR: the namespace's middleware refused us; like socket.io, stop and let the caller decide.
        const message = (packet.data as { message?: unknown } | undefined)?.message;
        this.active = false;
        this.close(null);
        this.fire('connect_error', new Error(typeof message === 'string' ? message : 'connect refused'));
        break;
      }
    }
  }

  private onClose(ws: WebSocket, reason: string): void {
    if (ws !== this.ws) return;
    const wasConnected = this.connected;
    this.close(reason);
    if (!wasConnected) this.fire('connect_error', new Error('websocket error'));
  }

  /** Drops the WebSocket; reports `disconnect` if we were connected; reconnects later if still active. */
  private close(reason: string | null): void {
    const ws = this.ws;
    this.ws = null;
    clearTimeout(this.heartbeat);
    clearTimeout(this.timer);
    if (ws) {
      ws.onclose = ws.onmessage = null;
      ws.close();
    }
    const wasConnected = this.connected;
    this.connected = false;
    if (wasConnected && reason) this.fire('disconnect', reason);
    if (this.active && reason !== 'io client disconnect') this.reconnectLater();
  }

  private reconnectLater(): void {
    const base = Math.min(RECONNECT_FIRST_MS * 2 ** this.attempts++, RECONNECT_MAX_MS);
    const delay = base * (0.5 + Math.random());
    this.timer = setTimeout(() => this.connect(), delay);
  }
}
