import { signal, type ReadonlySignal } from '@preact/signals';
import type { Author, MessageDelta } from '../../../shared/protocol';
import { authorKey } from './typing';

/** A reply being written (Kai's, streamed): what has arrived so far. */
export interface StreamingMessage {
  streamId: string;
  conversationId: string;
  author: Author;
  body: string;
}

/** A stream with no delta and no final message for this long is dropped (the final message may still come). */
export const STREAM_IDLE_MS = 30000;
/** How many finished stream ids are remembered, so a late delta cannot reopen a finished stream. */
const FINISHED_STREAMS_KEPT = 50;

/**
 * Kai's replies while they stream: `message:delta` events grow a bubble until `message:created` with the same
 * streamId ends it (the final body is authoritative). Streams are live only: a disconnect drops them, and the sync
 * on reconnect brings the stored final message. A finished stream never reopens from a late delta.
 */
export class StreamsModel {
  readonly #streams = signal<StreamingMessage[]>([]);
  /** Replies being streamed, in the order they started. */
  readonly streams: ReadonlySignal<StreamingMessage[]> = this.#streams;
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #finished = new Set<string>();

  /** Appends a delta to its stream (started by the first delta) unless it is for another conversation than `current`. */
  applyDelta(event: MessageDelta, current: string | null): void {
    const { streamId, conversationId, author, delta } = event;
    if (author.kind === 'customer' || typeof delta !== 'string' || this.#finished.has(streamId)) return;
    if (current !== null && conversationId !== current) return;
    const streams = this.#streams.peek();
    const found = streams.some((s) => s.streamId === streamId);
    this.#streams.value = found
      ? streams.map((s) => (s.streamId === streamId ? { ...s, body: s.body + delta } : s))
      : [...streams, { streamId, conversationId, author, body: delta }];
    const timer = this.#timers.get(streamId);
    if (timer) clearTimeout(timer);
    this.#timers.set(streamId, setTimeout(() => this.end(streamId), STREAM_IDLE_MS));
  }

  /** Removes a stream (finished, or gone quiet) and ignores any delta for it from now on. */
  end(streamId: string): void {
    const timer = this.#timers.get(streamId);
    if (timer) clearTimeout(timer);
    this.#timers.delete(streamId);
    this.#markFinished(streamId);
    const streams = this.#streams.peek();
    if (streams.some((s) => s.streamId === streamId)) this.#streams.value = streams.filter((s) => s.streamId !== streamId);
  }

  /** Ends every stream of one author (who stopped typing: a stream still open then was abandoned). */
  endAllOf(author: Author): void {
    const key = authorKey(author);
    for (const s of this.#streams.peek()) if (authorKey(s.author) === key) this.end(s.streamId);
  }

  /** Drops every stream; deltas that still come for them (after a quick reconnect) would show a torn text, so they are ignored. */
  dropAll(): void {
    this.#timers.forEach(clearTimeout);
    this.#timers.clear();
    const streams = this.#streams.peek();
    if (streams.length === 0) return;
    for (const s of streams) this.#markFinished(s.streamId);
    this.#streams.value = [];
  }

  #markFinished(streamId: string): void {
    this.#finished.add(streamId);
    for (const oldest of this.#finished) {
      if (this.#finished.size <= FINISHED_STREAMS_KEPT) break;
      this.#finished.delete(oldest);
    }
  }
}
