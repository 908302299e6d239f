import { signal, type ReadonlySignal, type Signal } from '@preact/signals';

const TICKET_ROUTE = /^#\/tickets\/([^/?#]+)$/;
const KB_ROUTE = /^#\/kb\/?$/;
const REPORTS_ROUTE = /^#\/reports\/?$/;
// A settings page may carry a query (`#/settings/audit?target=<id>`: the audit log filtered to one target).
const SETTINGS_ROUTE = /^#\/settings(?:\/([a-z-]+))?\/?(?:\?.*)?$/;
const SET_PASSWORD_ROUTE = /^#\/set-password\?/;

/** The desk's pages: the queue (with the open ticket, if any), the knowledge base, settings, and the page of an invitation or reset link. */
export type DeskPage = 'queue' | 'kb' | 'reports' | 'settings' | 'set-password';

/** The link of the settings area; `settingsHref('sites')` for one of its pages. */
export const SETTINGS_HREF = '#/settings';
export const settingsHref = (id: string) => `#/settings/${id}`;

/** The query of a settings hash (`#/settings/audit?target=s1` → `target=s1`). */
export function settingsQuery(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(SETTINGS_ROUTE.test(hash) && at >= 0 ? hash.slice(at + 1) : '');
}

/** The settings page a hash names (`#/settings/sites` → `sites`), or null for the area's first page. */
export function parseSettingsHash(hash: string): string | null {
  return SETTINGS_ROUTE.exec(hash)?.[1] ?? null;
}

/** The token of an invitation or reset link: `#/set-password?token=…`. */
export function parseLinkToken(hash: string): string | null {
  return SET_PASSWORD_ROUTE.test(hash) ? new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get('token') : null;
}

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

/** The page a hash names: `#/kb` is the knowledge base, `#/settings…` the settings, anything else the queue. */
export function parsePageHash(hash: string): DeskPage {
  if (REPORTS_ROUTE.test(hash)) return 'reports';
  if (KB_ROUTE.test(hash)) return 'kb';
  if (SETTINGS_ROUTE.test(hash)) return 'settings';
  if (SET_PASSWORD_ROUTE.test(hash)) return 'set-password';
  return 'queue';
}

/** The hash-based route of the desk: which page is shown and which ticket is open. */
export class HashRouteModel {
  readonly #ticketId: Signal<string | null>;
  readonly #page: Signal<DeskPage>;
  readonly #hash: Signal<string>;
  readonly #onHashChange = (): void => {
    this.#ticketId.value = parseTicketHash(this.win.location.hash);
    this.#page.value = parsePageHash(this.win.location.hash);
    this.#hash.value = this.win.location.hash;
  };

  constructor(private readonly win: Window) {
    this.#ticketId = signal(parseTicketHash(win.location.hash));
    this.#page = signal(parsePageHash(win.location.hash));
    this.#hash = signal(win.location.hash);
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

  /** The whole hash, for pages that read more from it (the settings page, a link's token). */
  get hash(): ReadonlySignal<string> {
    return this.#hash;
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
