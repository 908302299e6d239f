import { effect, signal, untracked, type ReadonlySignal } from '@preact/signals';
import type { DeskConnectionHandlers, DeskConnectionModel } from './DeskConnectionModel';
import type { HashRouteModel } from './HashRouteModel';
import type { KaiPreviewModel } from './KaiPreviewModel';
import type { KbModel } from './KbModel';
import type { QueueModel } from './QueueModel';
import type { QueueViewsModel } from './QueueViewsModel';
import { BUILT_IN_VIEWS } from '../../shared/queue';
import type { SessionModel } from './SessionModel';
import type { TeamModel } from './TeamModel';
import { TicketModel, type TicketApi } from './TicketModel';
import { englishTexts, type DeskTexts } from '../i18n/i18n';

export interface DeskModelOptions {
  api: TicketApi;
  session: SessionModel;
  queue: QueueModel;
  route: HashRouteModel;
  /** The knowledge-base page (`#/kb`) and its "Try Kai" panel. */
  kb: KbModel;
  preview: KaiPreviewModel;
  /** The queue's views and their live counts; without it the queue shows its status tabs only. */
  views?: QueueViewsModel;
  /** Makes the socket connection; the desk supplies the handlers that route its events. */
  connect: (handlers: DeskConnectionHandlers) => DeskConnectionModel;
  /** The team and presence; made with the connection (it sends this agent's status through it). */
  team?: (connection: DeskConnectionModel) => TeamModel;
  /** Told of what deserves the agent's attention (desktop notification, sound, title badge). */
  notify?: (notice: DeskNotice) => void;
  /** The agent's language, for notifications and the open ticket's messages (English without it). */
  texts?: () => DeskTexts;
}

/** Something the agent should notice even in another tab. */
export interface DeskNotice {
  kind: 'handoff' | 'reply' | 'assigned' | 'sla';
  ticketId: string;
  text: string;
}

/**
 * The desk as a whole: ties the session, the queue, the route and the socket together, and owns the
 * open ticket's model (one at a time, disposed when another is opened).
 */
export class DeskModel {
  readonly session: SessionModel;
  readonly queue: QueueModel;
  readonly route: HashRouteModel;
  readonly kb: KbModel;
  readonly preview: KaiPreviewModel;
  readonly views: QueueViewsModel | null;
  readonly connection: DeskConnectionModel;
  readonly team: TeamModel | null;
  readonly #notify: (notice: DeskNotice) => void;
  readonly #api: DeskModelOptions['api'];
  readonly #current = signal<TicketModel | null>(null);
  readonly #disposers: (() => void)[] = [];
  #live = false;

  readonly #texts: () => DeskTexts;
  constructor(options: DeskModelOptions) {
    this.#texts = options.texts ?? (() => englishTexts);
    this.#api = options.api;
    this.session = options.session;
    this.queue = options.queue;
    this.route = options.route;
    this.kb = options.kb;
    this.preview = options.preview;
    this.views = options.views ?? null;
    this.connection = options.connect(this.#handlers());
    this.team = options.team ? options.team(this.connection) : null;
    this.#notify = options.notify ?? (() => undefined);

    // Signing in starts the live desk; signing out (or a session that ended) tears it down.
    this.#disposers.push(
      effect(() => {
        const signedIn = this.session.status.value === 'signed_in';
        untracked(() => (signedIn ? this.#goLive() : this.#goOffline()));
      }),
    );
    // The hash names the open ticket.
    this.#disposers.push(
      effect(() => {
        const id = this.session.status.value === 'signed_in' ? this.route.ticketId.value : null;
        untracked(() => this.#show(id));
      }),
    );
    // Opening the knowledge-base page fetches the articles afresh (another agent may have changed them).
    this.#disposers.push(
      effect(() => {
        const onKb = this.session.status.value === 'signed_in' && this.route.page.value === 'kb';
        if (onKb) untracked(() => void this.kb.load());
      }),
    );
  }

  /** The open ticket, or null. */
  get current(): ReadonlySignal<TicketModel | null> {
    return this.#current;
  }

  openTicket(id: string): void {
    this.route.open(id);
  }

  closeTicket(): void {
    this.route.close();
  }

  dispose(): void {
    for (const dispose of this.#disposers.splice(0)) dispose();
    this.#show(null);
    this.connection.dispose();
    this.queue.dispose();
    this.team?.dispose();
  }

  #goLive(): void {
    if (this.#live) return;
    this.#live = true;
    this.connection.start();
    const me = this.session.agent.value?.id ?? '';
    this.queue.setMe(me);
    const open = BUILT_IN_VIEWS.find((v) => v.id === 'open');
    if (this.views && open) {
      // The first page before the views' counts: counting every view costs the server more than the page, and on
      // SQLite those reads would run between the page's own.
      void this.queue.setView(open.id, open.filters).then(() => this.views?.load(me));
    } else void this.queue.load();
    void this.team?.load();
  }

  #goOffline(): void {
    if (!this.#live) return;
    this.#live = false;
    this.#show(null);
    this.connection.stop();
    this.queue.clear();
    this.views?.clear();
    this.kb.clear();
    this.preview.clear();
  }

  /** A ticket assigned to the signed-in agent (as the queue knows it). */
  #isMine(ticketId: string): boolean {
    const me = this.session.agent.value?.id;
    return Boolean(me) && this.queue.tickets.value.some((t) => t.id === ticketId && t.assigneeId === me);
  }

  #show(id: string | null): void {
    const old = this.#current.value;
    if ((old?.id ?? null) === id) return;
    if (old) {
      this.connection.unwatch(old.id);
      old.dispose();
    }
    if (!id) {
      this.#current.value = null;
      return;
    }
    const ticket = new TicketModel(this.#api, id, this.#texts);
    this.#current.value = ticket;
    this.connection.watch(id);
    this.queue.markSeen(id);
    void ticket.load();
  }

  #handlers(): DeskConnectionHandlers {
    return {
      ticketCreated: (t) => {
        this.queue.applyCreated(t);
        if (t.channel === 'chat') this.#notify({ kind: 'handoff', ticketId: t.id, text: this.#texts().t('notifyNewChat', { number: t.number, subject: t.subject }) });
      },
      ticketUpdated: (t) => {
        this.queue.applyUpdated(t);
        this.#current.value?.applySummary(t);
      },
      slaAlert: (alert) => {
        this.queue.applySla(alert);
        if (this.#isMine(alert.ticketId)) this.#notify({ kind: 'sla', ticketId: alert.ticketId, text: this.#texts().t(alert.kind === 'breach' ? 'notifySlaBreached' : 'notifySlaNear', { number: alert.number }) });
      },
      queueCounts: (counts) => this.views?.applyCounts(counts),
      messageCreated: ({ ticketId, message }) => {
        const current = this.#current.value;
        if (current?.id === ticketId) current.applyMessage(message);
        if (message.author.kind === 'customer' && this.#isMine(ticketId)) this.#notify({ kind: 'reply', ticketId, text: this.#texts().t('notifyReplied', { name: message.author.name || this.#texts().t('theCustomer') }) });
      },
      presenceChanged: (event) => this.team?.applyPresence(event),
      viewersChanged: (event) => this.#current.value?.applyViewers(event, this.session.agent.value?.id ?? null),
      ticketAssigned: ({ ticket, by }) => {
        this.queue.applyUpdated(ticket);
        this.#notify({ kind: 'assigned', ticketId: ticket.id, text: by ? this.#texts().t('notifyAssignedBy', { number: ticket.number, by, subject: ticket.subject }) : this.#texts().t('notifyAssigned', { number: ticket.number, subject: ticket.subject }) });
      },
      typingChanged: (event) => this.#current.value?.applyTyping(event),
      reachChanged: (event) => this.#current.value?.applyReach(event),
      reconnected: () => {
        void this.queue.load().then(() => this.views?.load(this.session.agent.value?.id ?? ''));
        void this.team?.load();
        void this.#current.value?.refresh();
      },
      refused: () => void this.session.check(),
    };
  }
}
