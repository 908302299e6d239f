import { signal, type ReadonlySignal, type Signal } from '@preact/signals';

const TICKET_ROUTE = /^#\/tickets\/([^/?#]+)$/;
const KB_ROUTE = /^#\/kb\/?$/;
const REPORTS_ROUTE = /^#\/reports\/?$/;

/** The desk's pages: the queue (with the open ticket, if any) and the knowledge base. */
export type DeskPage = 'queue' | 'kb' | 'reports';

/** The link of the knowledge-base page. */
export const KB_HREF = '#/kb';
/** The link of the reports page. */
export const REPORTS_HREF = '#/reports';
/** The link back to the queue. */
export const QUEUE_HREF = '#/';

/** The ticket link for a row: `#/tickets/:id`, so an open ticket is linkable and survives a reload. */
export function ticketHref(id: string): string {
  return `#/tickets/${encodeURIComponent(id)}`;
}

/** The ticket id a hash names, or null. */
export function parseTicketHash(hash: string): string | null {
  const match = TICKET_ROUTE.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** The page a hash names: `#/kb` is the knowledge base, anything else the queue. */
export function parsePageHash(hash: string): DeskPage {
  if (REPORTS_ROUTE.test(hash)) return 'reports';
  return KB_ROUTE.test(hash) ? 'kb' : 'queue';
}

/** The hash-based route of the desk: which page is shown and which ticket is open. */
export class HashRouteModel {
  readonly #ticketId: Signal<string | null>;
  readonly #page: Signal<DeskPage>;
  readonly #onHashChange = (): void => {
    this.#ticketId.value = parseTicketHash(this.win.location.hash);
    this.#page.value = parsePageHash(this.win.location.hash);
  };

  constructor(private readonly win: Window) {
    this.#ticketId = signal(parseTicketHash(win.location.hash));
    this.#page = signal(parsePageHash(win.location.hash));
    win.addEventListener('hashchange', this.#onHashChange);
  }

  /** The id in `#/tickets/:id`, or null when no ticket is open. */
  get ticketId(): ReadonlySignal<string | null> {
    return this.#ticketId;
  }

  /** `kb` on `#/kb`, else `queue`. */
  get page(): ReadonlySignal<DeskPage> {
    return this.#page;
  }

  open(id: string): void {
    this.win.location.hash = ticketHref(id);
    this.#ticketId.value = id;
    this.#page.value = 'queue';
  }

  close(): void {
    // pushState rather than `hash = ''`, which would leave a bare '#' in the address bar.
    const { pathname, search } = this.win.location;
    this.win.history.pushState(null, '', `${pathname}${search}`);
    this.#ticketId.value = null;
    this.#page.value = 'queue';
  }

  dispose(): void {
    this.win.removeEventListener('hashchange', this.#onHashChange);
  }
}
