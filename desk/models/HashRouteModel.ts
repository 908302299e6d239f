import { signal, type ReadonlySignal, type Signal } from '@preact/signals';

const TICKET_ROUTE = /^#\/tickets\/([^/?#]+)$/;

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

/** The hash-based route of the desk: which ticket is open. */
export class HashRouteModel {
  readonly #ticketId: Signal<string | null>;
  readonly #onHashChange = (): void => {
    this.#ticketId.value = parseTicketHash(this.win.location.hash);
  };

  constructor(private readonly win: Window) {
    this.#ticketId = signal(parseTicketHash(win.location.hash));
    win.addEventListener('hashchange', this.#onHashChange);
  }

  /** The id in `#/tickets/:id`, or null when no ticket is open. */
  get ticketId(): ReadonlySignal<string | null> {
    return this.#ticketId;
  }

  open(id: string): void {
    this.win.location.hash = ticketHref(id);
    this.#ticketId.value = id;
  }

  close(): void {
    // pushState rather than `hash = ''`, which would leave a bare '#' in the address bar.
    const { pathname, search } = this.win.location;
    this.win.history.pushState(null, '', `${pathname}${search}`);
    this.#ticketId.value = null;
  }

  dispose(): void {
    this.win.removeEventListener('hashchange', this.#onHashChange);
  }
}
