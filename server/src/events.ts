import { EventEmitter } from 'node:events';
import type { Author, ConversationState, Message, MessageDelta, SlaAlert, TicketSummary } from '../../shared/protocol';

/**
 * Facts domain code announces, each carrying everything its deliveries need (realtime/ picks rooms from the event
 * itself, never by reading rows again). Raised inside a transaction and published after its commit (`work.ts`).
 */
export interface DomainEventMap {
  /** `visitorId`: the visitor whose tabs show it (never for internal notes); `ticketId`: the desk's ticket room. */
  'message.created': { message: Message; visitorId: string | null; ticketId: string | null };
  /** Kai's reply while it streams: for the visitor's tabs only. */
  'message.delta': { visitorId: string; delta: MessageDelta };
  'conversation.updated': { conversationId: string; visitorId: string | null; state: ConversationState };
  'ticket.created': { ticket: TicketSummary };
  /**
   * Something agents see changed (never the activity time alone). `visitorState` is set when the visitor's
   * messenger shows what changed (status, priority, the promise), for the tabs of `visitorId`.
   */
  'ticket.updated': { ticket: TicketSummary; visitorId: string | null; visitorState: ConversationState | null };
  /** An SLA deadline is near (warning) or has passed (breach). */
  'ticket.sla': SlaAlert;
  'typing.changed': { conversationId: string; visitorId: string | null; ticketId: string | null; author: Author; typing: boolean };
}

/** A typed, synchronous event bus. Listener errors are logged by the emitter's owner, never thrown into commands. */
export class DomainEvents {
  readonly #emitter = new EventEmitter();
  readonly #onError: (err: unknown, event: string) => void;

  constructor(onError: (err: unknown, event: string) => void) {
    this.#emitter.setMaxListeners(50);
    this.#onError = onError;
  }

  on<K extends keyof DomainEventMap>(event: K, listener: (payload: DomainEventMap[K]) => void): () => void {
    const wrapped = (payload: DomainEventMap[K]) => {
      try {
        listener(payload);
      } catch (err) {
        this.#onError(err, event);
      }
    };
    this.#emitter.on(event, wrapped);
    return () => this.#emitter.off(event, wrapped);
  }

  emit<K extends keyof DomainEventMap>(event: K, payload: DomainEventMap[K]): void {
    this.#emitter.emit(event, payload);
  }
}
