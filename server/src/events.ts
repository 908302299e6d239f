import { EventEmitter } from 'node:events';
import type { Author, ConversationState, Message, MessageDelta, SlaAlert, TicketSummary } from '../../shared/protocol';
import type { TicketReachChange } from '../../shared/reach';
import type { Tx } from './db/database';

/** How a Kai turn ended: an answer, an answer offering a person, a handoff (by Kai or a site rule), no turn (a person has the chat), or a failure. */
export type KaiTurnOutcome = 'answer' | 'offer_handoff' | 'handoff' | 'policy_handoff' | 'skipped' | 'failed';

/**
 * Facts domain code announces, each carrying everything its deliveries need (realtime/ picks rooms from the event
 * itself, never by reading rows again). Raised inside a transaction and published after its commit (`work.ts`).
 */
export interface DomainEventMap {
  /** `visitorId`: the visitor whose tabs show it (never for internal notes); `ticketId`: the desk's ticket room. */
  /** `senderSocketId`: the visitor socket that sent it, which has it from its ack (only the other tabs are sent it). */
  'message.created': { message: Message; visitorId: string | null; ticketId: string | null; senderSocketId?: string };
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
  /** The outbox handed a mail to SMTP_URL, or an attempt failed (it is retried); the ticket and message it is about, if any. */
  'mail.sent': { kind: string; ticketId: string | null; messageId: string | null };
  'mail.failed': { kind: string; attempts: number; ticketId: string | null; messageId: string | null };
  /** How some agent replies of a ticket reach the customer now, or its CSAT, changed (read after the commit). */
  'reach.changed': TicketReachChange;
  /** One of Kai's turns ended: how, and how long it took. */
  'kai.turn': { outcome: KaiTurnOutcome; seconds: number };
  /** A customer rated the help on a solved ticket (once per ticket). */
  'csat.submitted': { ticketId: string; ticketNumber: number; siteId: string; rating: number; comment: string | null; answeredVia: 'chat' | 'email' | 'portal' };
  /** A ticket was given to an agent (by someone else, or automatically: `by` null); their desks are told at once. */
  'ticket.assigned': { ticket: TicketSummary; assigneeId: string; by: string | null };
  'typing.changed': { conversationId: string; visitorId: string | null; ticketId: string | null; author: Author; typing: boolean };
}

/** Work that must commit with the fact it follows (e.g. the mail an agent's reply becomes): runs in its transaction. */
export type InTransactionHandler<K extends keyof DomainEventMap> = (tx: Tx, payload: DomainEventMap[K]) => Promise<void>;

/**
 * A typed, synchronous event bus. Listener errors are logged by the emitter's owner, never thrown into commands.
 * Besides listeners (after the commit), a module may register an in-transaction handler: `inTransaction` runs it
 * for each raised event before committing, in the same transaction, so its writes and the fact commit together or
 * not at all (a transactional outbox). Its errors roll the command back.
 */
export class DomainEvents {
  readonly #emitter = new EventEmitter();
  readonly #inTransaction = new Map<keyof DomainEventMap, InTransactionHandler<never>[]>();
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

  /** Registers work to run inside the transaction that raises `event`; returns the unsubscribe function. */
  withinTransaction<K extends keyof DomainEventMap>(event: K, handler: InTransactionHandler<K>): () => void {
    const list = this.#inTransaction.get(event) ?? [];
    // Stored under the event's own key and only ever called with that event's payload (runWithin).
    list.push(handler as InTransactionHandler<never>);
    this.#inTransaction.set(event, list);
    return () => {
      const i = list.indexOf(handler as InTransactionHandler<never>);
      if (i >= 0) list.splice(i, 1);
    };
  }

  /** Runs the in-transaction handlers of one raised event (called by `inTransaction` before it commits). */
  async runWithin<K extends keyof DomainEventMap>(tx: Tx, event: K, payload: DomainEventMap[K]): Promise<void> {
    const handlers = this.#inTransaction.get(event) as InTransactionHandler<K>[] | undefined;
    for (const handler of handlers ?? []) await handler(tx, payload);
  }
}
