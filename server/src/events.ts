import { EventEmitter } from 'node:events';
import type { Author, ConversationState, Message, MessageDelta, SlaAlert, TicketSummary } from '../../shared/protocol';

/** How a Kai turn ended: an answer, an answer offering a person, a handoff (by Kai or a site rule), no turn (a person has the chat), or a failure. */
export type KaiTurnOutcome = 'answer' | 'offer_handoff' | 'handoff' | 'policy_handoff' | 'skipped' | 'failed';

/** Facts domain code announces; realtime/ (and later email) turns them into deliveries. */
export interface DomainEventMap {
  'message.created': { message: Message; visitorId: string | null; ticketId: string | null };
  /** Kai's reply while it streams: for the visitor's tabs only. */
  'message.delta': { visitorId: string; delta: MessageDelta };
  'conversation.updated': { conversationId: string; visitorId: string | null; state: ConversationState };
  'ticket.created': { ticket: TicketSummary };
  'ticket.updated': { ticket: TicketSummary };
  /** An SLA deadline is near (warning) or has passed (breach). */
  'ticket.sla': SlaAlert;
  /** The outbox handed a mail to SMTP_URL, or an attempt failed (it is retried). */
  'mail.sent': { kind: string };
  'mail.failed': { kind: string; attempts: number };
  /** One of Kai's turns ended: how, and how long it took. */
  'kai.turn': { outcome: KaiTurnOutcome; seconds: number };
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
