import { signal, type ReadonlySignal } from '@preact/signals';
import type { Message } from '../../../shared/protocol';

/**
 * The server's messages as the visitor sees them: each id once, no internal notes, ordered by conversation (in
 * the order first seen: seqs restart in the conversation that follows a closed one) and then by seq.
 */
export class MessageList {
  readonly #messages = signal<Message[]>([]);
  readonly messages: ReadonlySignal<Message[]> = this.#messages;
  /** Conversations in the order first seen. */
  readonly #conversationOrder = new Map<string, number>();

  peek(): Message[] {
    return this.#messages.peek();
  }

  /** Adds what is new of `incoming`; returns the messages added (none for repeats). */
  merge(incoming: readonly Message[]): Message[] {
    const byId = new Map(this.peek().map((m) => [m.id, m]));
    const added = incoming.filter((m) => !m.internal && !byId.has(m.id));
    if (added.length === 0) return added;
    for (const m of added) {
      byId.set(m.id, m);
      if (!this.#conversationOrder.has(m.conversationId)) this.#conversationOrder.set(m.conversationId, this.#conversationOrder.size);
    }
    const order = (m: Message): number => this.#conversationOrder.get(m.conversationId) ?? 0;
    this.#messages.value = [...byId.values()].sort((a, b) => order(a) - order(b) || a.seq - b.seq);
    return added;
  }

  /** The highest seq we have of one conversation (0 for none). */
  lastSeqOf(conversationId: string): number {
    return this.peek().reduce((max, m) => (m.conversationId === conversationId ? Math.max(max, m.seq) : max), 0);
  }

  /** The conversation of the newest message, if any. */
  latestConversationId(): string | null {
    const messages = this.peek();
    return messages[messages.length - 1]?.conversationId ?? null;
  }

  /** The newest agent reply (the current conversation's, as messages are ordered by conversation). */
  newestAgentReply(): Message | undefined {
    return this.peek().findLast((m) => m.author.kind === 'agent');
  }

  clear(): void {
    this.#messages.value = [];
    this.#conversationOrder.clear();
  }
}
