import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { Message, TicketDetail, TicketStatus, TicketSummary, TypingEvent } from '../../shared/protocol';
import type { Level } from '../../shared/priority';
import { ApiError, type DeskApi, type TicketPatch } from '../api';
import type { TicketViewer } from '../../shared/team';
import type { TicketReachChange } from '../../shared/reach';
import { englishTexts, type DeskTexts } from '../i18n/i18n';
import { levelLabel, statusLabel } from '../format';

function isNewMessages(value: unknown): value is { messages: Message[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { messages?: unknown }).messages);
}

function isTicket(value: unknown): value is TicketDetail {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && Array.isArray((value as { messages?: unknown }).messages);
}

/** A typing indicator that never got its "stopped" (a closed tab) disappears after this long. */
export const TYPING_EXPIRY_MS = 10_000;
/** Coalesces a burst of `ticket:updated` events into one refetch of the detail (audit trail, handoff). */
const REFRESH_DEBOUNCE_MS = 400;

/**
 * Merges messages by id (the later copy wins) and orders them by the server's sequence; messages of a merged
 * ticket's conversation (another sequence) fall in by time.
 */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map<string, Message>();
  for (const m of current) byId.set(m.id, m);
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) =>
    a.conversationId === b.conversationId ? a.seq - b.seq || Date.parse(a.createdAt) - Date.parse(b.createdAt) : Date.parse(a.createdAt) - Date.parse(b.createdAt),
  );
}

/** Whether an agent may give this chat back to Kai: a chat that is with the team (`waiting` or `human`). */
export function canHandBack(detail: TicketDetail): boolean {
  return detail.channel === 'chat' && (detail.conversationMode === 'waiting' || detail.conversationMode === 'human');
}

/** Whether Kai answers this ticket's chat now (after a handback; a ticket exists only after a handoff). */
export function kaiAnswers(detail: TicketDetail): boolean {
  return detail.channel === 'chat' && detail.conversationMode === 'ai';
}

function newClientId(): string {
  return globalThis.crypto.randomUUID();
}

export type TicketApi = Pick<DeskApi, 'getTicket' | 'updateTicket' | 'postMessage' | 'handBack'>;

/**
 * What a macro inserted into the draft also sets when the reply is sent: one ticket change, so its tags go through
 * the server's tag change (audited) like the queue's bulk tagging.
 */
export interface DraftChanges {
  status?: TicketStatus;
  urgency?: Level;
  impact?: Level;
  addTags?: string[];
}

/** A reply the server refused because someone else wrote first: what they wrote, and the draft kept to send anyway. */
export interface StaleReply {
  messages: Message[];
  body: string;
  internal: boolean;
}

/** What changed in a ticket someone else saved while this agent's change was in flight (shown, never overwritten). */
export function describeChanges(mine: TicketDetail, current: TicketDetail, t: DeskTexts = englishTexts): string {
  const nobody = t.t('nobody');
  const fields: [string, unknown, unknown][] = [
    [t.t('status'), statusLabel(mine.status, t), statusLabel(current.status, t)],
    [t.t('priority'), levelLabel(mine.priority, t), levelLabel(current.priority, t)],
    [t.t('assignee'), mine.assigneeId ?? nobody, current.assigneeId ?? nobody],
    [t.t('category'), mine.category, current.category],
  ];
  const changed = fields.filter(([, a, b]) => a !== b).map(([name, , b]) => t.t('fieldNowIs', { field: name, value: String(b) }));
  return changed.length ? changed.join(', ') : t.t('detailsChanged');
}

/** One open ticket: its detail, its conversation kept live, replying and changing status. */
export class TicketModel {
  readonly #detail = signal<TicketDetail | null>(null);
  readonly #messages = signal<readonly Message[]>([]);
  readonly #loading = signal(false);
  readonly #loadError = signal<string | null>(null);
  readonly #actionError = signal<string | null>(null);
  readonly #sending = signal(false);
  readonly #saving = signal(false);
  readonly #typing = signal<readonly string[]>([]);
  readonly #typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #viewers = signal<readonly TicketViewer[]>([]);
  readonly #staleReply = signal<StaleReply | null>(null);
  readonly #reachChange = signal<TicketReachChange | null>(null);
  #refreshTimer: ReturnType<typeof setTimeout> | null = null;
  #loadSeq = 0;
  /** The newest message this agent has been shown when they started the reply (the server checks nobody wrote since). */
  #seenMessageId: string | null = null;
  #disposed = false;
  /** The last failed send, so a retry of the same text reuses its client id and cannot post twice. */
  #unsent: { body: string; internal: boolean; clientId: string } | null = null;

  constructor(
    private readonly api: TicketApi,
    readonly id: string,
    /** The agent's language, for the model's own messages (English without it). */
    private readonly texts: () => DeskTexts = () => englishTexts,
  ) {}

  get detail(): ReadonlySignal<TicketDetail | null> {
    return this.#detail;
  }
  /** The conversation, internal notes included, deduplicated by id and ordered by `seq`. */
  get messages(): ReadonlySignal<readonly Message[]> {
    return this.#messages;
  }
  get loading(): ReadonlySignal<boolean> {
    return this.#loading;
  }
  /** Why the ticket could not be loaded (not found, network). */
  get loadError(): ReadonlySignal<string | null> {
    return this.#loadError;
  }
  /** Why the last reply or status change failed. */
  get actionError(): ReadonlySignal<string | null> {
    return this.#actionError;
  }
  get sending(): ReadonlySignal<boolean> {
    return this.#sending;
  }
  get saving(): ReadonlySignal<boolean> {
    return this.#saving;
  }
  /** Other agents with this ticket open (and whether they are typing a reply). */
  get viewers(): ReadonlySignal<readonly TicketViewer[]> {
    return this.#viewers;
  }
  /** A reply refused because someone else wrote first; the agent sends anyway or reads and rewrites. */
  get staleReply(): ReadonlySignal<StaleReply | null> {
    return this.#staleReply;
  }
  /** Names of customers typing right now. */
  get typing(): ReadonlySignal<readonly string[]> {
    return this.#typing;
  }

  /** Fetches the ticket; messages already delivered live are kept and merged. */
  async load(): Promise<void> {
    const seq = ++this.#loadSeq;
    this.#loading.value = true;
    try {
      const detail = await this.api.getTicket(this.id);
      if (seq !== this.#loadSeq || this.#disposed) return;
      this.#setDetail(detail);
      this.#loadError.value = null;
    } catch (err) {
      if (seq !== this.#loadSeq || this.#disposed) return;
      this.#loadError.value = err instanceof Error ? err.message : this.texts().t('ticketLoadFailed');
    } finally {
      if (seq === this.#loadSeq) this.#loading.value = false;
    }
  }

  /** Same as `load`; named for the reconnect path. */
  refresh(): Promise<void> {
    return this.load();
  }

  /** A message from the socket (or the POST answer): added once, in sequence order. */
  applyMessage(message: Message): void {
    batch(() => {
      this.#messages.value = mergeMessages(this.#messages.value, [message]);
      if (message.author.kind === 'customer') this.#stopTyping(message.author.name);
    });
  }

  /** `ticket:updated` for this ticket: show the new fields now, refetch the audit trail shortly. */
  applySummary(summary: TicketSummary): void {
    const detail = this.#detail.value;
    if (summary.id !== this.id || !detail) return;
    if (Date.parse(summary.updatedAt) <= Date.parse(detail.updatedAt)) return;
    this.#detail.value = { ...detail, ...summary };
    if (this.#refreshTimer) clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => {
      this.#refreshTimer = null;
      void this.load();
    }, REFRESH_DEBOUNCE_MS);
  }

  /** `typing:changed` for this ticket: tracks customers only (agents see their own composer). */
  applyTyping(event: TypingEvent & { ticketId: string }): void {
    if (event.ticketId !== this.id || event.author.kind !== 'customer') return;
    const name = event.author.name || this.texts().t('theCustomer');
    if (!event.typing) {
      this.#stopTyping(name);
      return;
    }
    const old = this.#typingTimers.get(name);
    if (old) clearTimeout(old);
    this.#typingTimers.set(
      name,
      setTimeout(() => this.#stopTyping(name), TYPING_EXPIRY_MS),
    );
    if (!this.#typing.value.includes(name)) this.#typing.value = [...this.#typing.value, name];
  }

  /** The newest `ticket:reach` for this ticket (how some replies reach the customer now); `useTicketReach` merges it. */
  get reachChange(): ReadonlySignal<TicketReachChange | null> {
    return this.#reachChange;
  }

  applyReach(change: TicketReachChange): void {
    if (change.ticketId === this.id) this.#reachChange.value = change;
  }

  /** `ticket:viewers`: the agents with this ticket open, without oneself. */
  applyViewers(event: { ticketId: string; viewers: TicketViewer[] }, selfId: string | null): void {
    if (event.ticketId !== this.id) return;
    this.#viewers.value = event.viewers.filter((v) => v.agentId !== selfId);
  }

  /**
   * Posts a public reply or an internal note (with `attachmentIds`: files uploaded beforehand). Resolves true when
   * the server has it. Unless `anyway`, the server refuses it when someone else wrote since the last message this
   * agent saw (`staleReply` then holds what is new).
   */
  async reply(body: string, internal: boolean, opts: { anyway?: boolean; changes?: DraftChanges; attachmentIds?: string[] } = {}): Promise<boolean> {
    const text = body.trim();
    const attachmentIds = opts.attachmentIds ?? [];
    if ((!text && attachmentIds.length === 0) || this.#sending.value) return false;
    const clientId =
      this.#unsent && this.#unsent.body === text && this.#unsent.internal === internal && attachmentIds.length === 0 ? this.#unsent.clientId : newClientId();
    this.#sending.value = true;
    this.#actionError.value = null;
    const seen = this.#seenMessageId;
    try {
      const message = await this.api.postMessage(this.id, { body: text, internal, clientId, ...(attachmentIds.length ? { attachmentIds } : {}), ...(seen && !opts.anyway ? { ifLastMessageId: seen } : {}) });
      this.#unsent = null;
      this.#staleReply.value = null;
      if (!this.#disposed) {
        this.applyMessage(message);
        this.#seenMessageId = this.#messages.value.at(-1)?.id ?? message.id;
      }
      if (opts.changes && Object.keys(opts.changes).length > 0) await this.#change(opts.changes, this.texts().t('macroChangesNotSaved'));
      return true;
    } catch (err) {
      this.#unsent = { body: text, internal, clientId };
      if (err instanceof ApiError && err.status === 409 && isNewMessages(err.current)) {
        this.#staleReply.value = { messages: err.current.messages, body: text, internal };
        return false;
      }
      this.#actionError.value = err instanceof Error ? err.message : this.texts().t('messageNotSent');
      return false;
    } finally {
      this.#sending.value = false;
    }
  }

  /** The agent read what is new and drops the refused draft's warning (the next send is checked against now). */
  dismissStaleReply(): void {
    this.#staleReply.value = null;
    this.#seenMessageId = this.#messages.value.at(-1)?.id ?? null;
  }

  /** Gives the ticket to an agent, or to nobody (null). */
  assign(agentId: string | null): Promise<boolean> {
    return this.#change({ assigneeId: agentId }, this.texts().t('assigneeNotChanged'));
  }

  /** Changes the status (audited by the server, with an optional reason). */
  setStatus(status: TicketStatus, reason?: string): Promise<boolean> {
    return this.#change(reason ? { status, reason } : { status }, this.texts().t('statusNotChanged'));
  }

  /**
   * A change based on the ticket as shown: if someone else saved it meanwhile, the server refuses, and the desk
   * shows the current ticket and what changed instead of overwriting it.
   */
  async #change(patch: TicketPatch, failure: string): Promise<boolean> {
    const shown = this.#detail.value;
    if (this.#saving.value) return false;
    this.#saving.value = true;
    this.#actionError.value = null;
    try {
      const detail = await this.api.updateTicket(this.id, shown ? { ...patch, ifUpdatedAt: shown.updatedAt } : patch);
      if (!this.#disposed) this.#setDetail(detail);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && isTicket(err.current) && shown) {
        if (!this.#disposed) this.#setDetail(err.current);
        this.#actionError.value = this.texts().t('changedMeanwhile', { changes: describeChanges(shown, err.current, this.texts()) });
        return false;
      }
      this.#actionError.value = err instanceof Error ? err.message : failure;
      return false;
    } finally {
      this.#saving.value = false;
    }
  }

  /** Adds or removes one tag (audited on the server); a refusal throws with the server's message. */
  async changeTag(tag: string, add: boolean): Promise<void> {
    const detail = await this.api.updateTicket(this.id, add ? { addTags: [tag] } : { removeTags: [tag] });
    if (!this.#disposed) this.#setDetail(detail);
  }

  /** Re-assesses urgency and impact (priority follows from them); the reason goes to the audit trail. */
  async setTriage(change: { urgency: Level; impact: Level; reason?: string }): Promise<boolean> {
    if (this.#saving.value) return false;
    this.#saving.value = true;
    this.#actionError.value = null;
    try {
      const reason = change.reason?.trim();
      const detail = await this.api.updateTicket(this.id, {
        urgency: change.urgency,
        impact: change.impact,
        ...(reason ? { reason } : {}),
      });
      if (!this.#disposed) this.#setDetail(detail);
      return true;
    } catch (err) {
      this.#actionError.value = err instanceof Error ? err.message : this.texts().t('priorityNotChanged');
      return false;
    } finally {
      this.#saving.value = false;
    }
  }

  /** Gives the chat back to Kai, who answers the customer again; the reason goes to the audit trail. */
  async handBack(reason?: string): Promise<boolean> {
    const detail = this.#detail.value;
    if (this.#saving.value || !detail || !canHandBack(detail)) return false;
    this.#saving.value = true;
    this.#actionError.value = null;
    try {
      const why = reason?.trim();
      const next = await this.api.handBack(this.id, why ? { reason: why } : {});
      if (!this.#disposed) this.#setDetail(next);
      return true;
    } catch (err) {
      this.#actionError.value = err instanceof Error ? err.message : this.texts().t('handBackFailed');
      return false;
    } finally {
      this.#saving.value = false;
    }
  }

  dispose(): void {
    this.#disposed = true;
    this.#loadSeq++;
    if (this.#refreshTimer) clearTimeout(this.#refreshTimer);
    for (const timer of this.#typingTimers.values()) clearTimeout(timer);
    this.#typingTimers.clear();
  }

  #setDetail(detail: TicketDetail): void {
    batch(() => {
      this.#detail.value = detail;
      this.#messages.value = mergeMessages(this.#messages.value, detail.messages);
    });
    // Opening the ticket shows its history: a reply is checked against what was there then.
    this.#seenMessageId ??= this.#messages.value.at(-1)?.id ?? null;
  }

  #stopTyping(name: string): void {
    const timer = this.#typingTimers.get(name);
    if (timer) clearTimeout(timer);
    this.#typingTimers.delete(name);
    if (this.#typing.value.includes(name)) this.#typing.value = this.#typing.value.filter((n) => n !== name);
  }
}
