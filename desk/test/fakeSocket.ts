/** A fake `/desk` socket: records what the desk emits and lets a test play the server. */
import type { Ack, DeskServerToClient } from '../../shared/protocol';
import type { DeskSocket } from '../models/DeskConnectionModel';

type Listener = (...args: never[]) => void;

interface Reserved {
  connect: () => void;
  connect_error: (err: Error) => void;
  disconnect: (reason: string) => void;
}
type Events = DeskServerToClient & Reserved;

export class FakeSocket implements DeskSocket {
  connected = false;
  active = false;
  connectCalls = 0;
  disconnectCalls = 0;
  readonly emitted: { event: string; payload: unknown }[] = [];
  readonly #listeners = new Map<string, Listener[]>();

  on(event: keyof Events, listener: Listener): this {
    const list = this.#listeners.get(event) ?? [];
    list.push(listener);
    this.#listeners.set(event, list);
    return this;
  }

  emit(event: string, payload: unknown): this {
    this.emitted.push({ event, payload });
    return this;
  }

  timeout(_ms: number) {
    return {
      emitWithAck: async (event: 'ticket:watch', payload: { ticketId: string }): Promise<Ack<{ ticketId: string }>> => {
        this.emitted.push({ event, payload });
        return { ok: true, data: payload };
      },
    };
  }

  connect(): this {
    this.connectCalls += 1;
    this.active = true;
    return this;
  }

  disconnect(): this {
    this.disconnectCalls += 1;
    this.connected = false;
    this.active = false;
    return this;
  }

  removeAllListeners(): this {
    this.#listeners.clear();
    return this;
  }

  /** The server delivers an event to the desk. */
  serverEmit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      // Listeners were registered for this event name, so they take exactly these arguments.
      (listener as (...a: Parameters<Events[E]>) => void)(...args);
    }
  }

  /** The connection (re)opens. */
  open(): void {
    this.connected = true;
    this.active = true;
    this.serverEmit('connect');
  }

  /** The connection drops (socket.io would reconnect by itself). */
  drop(): void {
    this.connected = false;
    this.serverEmit('disconnect', 'transport close');
  }

  /** What the desk emitted for one event name. */
  sent(event: string): unknown[] {
    return this.emitted.filter((e) => e.event === event).map((e) => e.payload);
  }
}
