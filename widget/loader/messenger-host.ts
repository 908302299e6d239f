/**
 * What the `Frontdesk` global drives on the page: the button, the open state and unread count, the messenger iframe
 * (through `frame-link.ts`) and what the site passed to `boot`/`update`. `commands.ts` maps the site's calls onto
 * it; `loader.ts` installs the global.
 */
import type { BridgeUser, LoaderMessage, MessengerMessage } from '../bridge';
import { readBootOptions, type BootOptions } from './boot-options';
import { createFrameLink } from './frame-link';
import { createLauncher, type Launcher, type LauncherLook } from './launcher';
import type { LoaderEvent } from './loader-events';
import { followViewport, renderLauncher } from './panel';

/** Where the loader came from and which site it serves. */
export interface LoaderConfig {
  siteKey: string;
  /** Origin of the Frontdesk server (PUBLIC_URL): the iframe's origin, the only one we post to or trust. */
  publicOrigin: string;
}

/** How long a shut-down iframe stays attached so it can act on `shutdown` (forget the visitor) first. */
const SHUTDOWN_GRACE_MS = 1000;

export interface MessengerHost {
  /** The site's look is known: draw the button (or take `drawn`, the one `widget.js` drew). */
  start(look: LauncherLook, drawn: Launcher | null): void;
  /** Whether the look is known (commands wait until then). */
  started(): boolean;
  /** Whether the button is on the page (`ready` has been emitted). */
  drawn(): boolean;
  /** `boot`: the site's options; draws the button again after a shutdown. */
  boot(raw: unknown): void;
  /** `update`: the user (merged for the same id) and attributes, and the page the visitor is on now. */
  update(raw: unknown): void;
  consent(): void;
  open(byUser?: boolean): void;
  close(): void;
  toggle(): void;
  /** A click on the button. */
  click(): void;
  /** Puts text in the messenger's composer. */
  prefill(text: string): void;
  shutdown(): void;
}

export function createMessengerHost(win: Window, config: LoaderConfig, emit: (event: LoaderEvent, payload?: unknown) => void): MessengerHost {
  const doc = win.document;
  let look: LauncherLook | null = null;
  let ui: Launcher | null = null;
  let isOpen = false;
  let unread = 0;
  let options: BootOptions = {};
  let unfollow: (() => void) | null = null;
  const stopFollowing = (): void => {
    if (unfollow) unfollow();
    unfollow = null;
  };

  // The messenger reads the time zone itself (same browser), so the loader sends only what the site chose.
  // The page as agents see it with the ticket: its address without query or fragment (they may hold tokens), title
  // and referrer (cut the same way), read afresh each time (a single-page app calls `update` as it navigates).
  const bootMessage = (): LoaderMessage => {
    const { origin, pathname } = win.location;
    return { type: 'boot', ...options, page: pathname, url: origin + pathname, title: doc.title.slice(0, 300), referrer: doc.referrer.split(/[?#]/)[0] || undefined };
  };
  const onFrameMessage = (message: MessengerMessage): void => {
    if (message.type === 'unread' && message.count !== unread) {
      unread = message.count;
      render();
      emit('unread', unread);
    } else if (message.type === 'close') close();
    else if (message.type === 'ticket:created') emit('ticket:created', message.ticket);
  };
  const src = `${config.publicOrigin}/messenger?site=${encodeURIComponent(config.siteKey)}&origin=${encodeURIComponent(win.location.origin)}`;
  const link = createFrameLink(win, src, config.publicOrigin, onFrameMessage, () => [bootMessage(), { type: isOpen ? 'open' : 'close' }]);

  const render = (): void => {
    if (ui) renderLauncher(ui, isOpen, unread);
  };
  const click = (): void => (isOpen ? close() : open(true));
  const shown = (drawn: Launcher): void => {
    ui = drawn;
    render();
    emit('ready');
  };
  const draw = (): void => {
    if (!ui && look) shown(createLauncher(doc, look, click));
  };

  function open(byUser = false): void {
    if (!ui) return;
    const frame = link.ensure(ui, bootMessage());
    if (byUser) frame.focus();
    if (isOpen) return;
    isOpen = true;
    render();
    unfollow = followViewport(win, ui);
    link.post({ type: 'open' });
    emit('open');
  }

  function close(): void {
    if (!ui || !isOpen) return;
    const hadFocus = ui.root.activeElement === link.frame();
    isOpen = false;
    render();
    stopFollowing();
    if (hadFocus) ui.button.focus();
    link.post({ type: 'close' });
    emit('close');
  }

  return {
    start: (result, drawn) => {
      look = result;
      if (drawn) shown(drawn);
      else draw();
    },
    started: () => look !== null,
    drawn: () => ui !== null,
    boot: (raw) => {
      options = readBootOptions(raw);
      if (ui) link.post(bootMessage());
      else draw();
    },
    update: (raw) => {
      const { user: next, attributes } = readBootOptions(raw);
      if (next) {
        const user: BridgeUser | undefined = options.user;
        options.user = user && user.id === next.id ? { ...user, ...next } : next;
      }
      if (attributes) options.attributes = { ...options.attributes, ...attributes };
      link.post(bootMessage());
    },
    consent: () => {
      options.consent = true;
      link.post({ type: 'consent' });
    },
    open,
    close,
    toggle: () => (isOpen ? close() : open()),
    click,
    prefill: (text) => link.post({ type: 'prefill', text }),
    shutdown: () => {
      if (!ui) return;
      link.post({ type: 'shutdown' });
      stopFollowing();
      const host = ui.host;
      host.style.setProperty('display', 'none');
      win.setTimeout(() => host.remove(), SHUTDOWN_GRACE_MS);
      ui = null;
      link.reset();
      isOpen = false;
      unread = 0;
      options = {};
    },
  };
}
