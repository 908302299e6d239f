/**
 * The full `Frontdesk(command, ...args)` global (`widget-app.js`): commands, events, the open state and the
 * messenger iframe. Writes no cookie and no storage: the iframe keeps its own state. `widget.js` (core.ts) draws
 * the button and queues calls until this arrives; tests install this part alone.
 */
import type { BridgeUser, LoaderMessage, MessengerMessage } from '../bridge';
import type { LoaderCore } from './core';
import { createFrameLink } from './frame-link';
import { createLauncher, type Launcher, type LauncherLook } from './launcher';
import { followViewport, renderLauncher } from './panel';
import { fetchLook, whenBody } from './look';
import { readBootOptions, type BootOptions } from './boot-options';

/** Events a site can subscribe to with `Frontdesk('on', event, fn)`. */
export const LOADER_EVENTS = ['ready', 'open', 'close', 'unread', 'ticket:created'] as const;
export type LoaderEvent = (typeof LOADER_EVENTS)[number];

type Handler = (payload?: unknown) => void;

/** The global function. Before the loader arrives, the snippet's stand-in collects calls in `q`. */
export interface FrontdeskFunction {
  (command: string, ...args: unknown[]): void;
  /** Calls made before the loader ran (each an `arguments` object). */
  q?: ArrayLike<unknown>[];
  /** Set by the full loader, so a second copy of the script does nothing. */
  loaded?: boolean;
  /** Set by `widget.js` for `widget-app.js`: the button it drew and the visitor's early click. */
  core?: LoaderCore;
}

declare global {
  interface Window {
    Frontdesk?: FrontdeskFunction;
  }
}

/** Where the loader came from and which site it serves. */
export interface LoaderConfig {
  siteKey: string;
  /** Origin of the Frontdesk server (PUBLIC_URL): the iframe's origin, the only one we post to or trust. */
  publicOrigin: string;
}

/** How long a shut-down iframe stays attached so it can act on `shutdown` (forget the visitor) first. */
const SHUTDOWN_GRACE_MS = 1000;

function createEvents(): { on: Map<LoaderEvent, Set<Handler>>; emit: (event: LoaderEvent, payload?: unknown) => void } {
  const on = new Map<LoaderEvent, Set<Handler>>(LOADER_EVENTS.map((e) => [e, new Set<Handler>()]));
  const emit = (event: LoaderEvent, payload?: unknown): void => {
    // Every LoaderEvent got its set when `on` was built from LOADER_EVENTS.
    (on.get(event) as Set<Handler>).forEach((fn) => {
      try {
        fn(payload);
      } catch (error) {
        console.error(error);
      }
    });
  };
  return { on, emit };
}

/** Installs `win.Frontdesk`, drains the snippet's queue and draws the launcher once the site's look is known. */
export function installFrontdesk(win: Window, config: LoaderConfig, core?: LoaderCore): FrontdeskFunction {
  const existing = win.Frontdesk;
  // Optional chaining is avoided in the loader: the es2019 target expands it into longer code.
  if (existing && existing.loaded) return existing;
  const doc = win.document;
  const events = createEvents();
  const warn = (text: string, value: unknown): void => console.warn('Frontdesk:', text, value);

  let look: LauncherLook | null = null; // null until the settings arrived: commands wait in `waiting`
  const waiting: unknown[][] = [];
  let ui: Launcher | null = null;
  let open = false;
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
    return { type: 'boot', ...options, page: pathname, url: origin + pathname, title: win.document.title.slice(0, 300), referrer: win.document.referrer.split(/[?#]/)[0] || undefined };
  };
  const onFrameMessage = (message: MessengerMessage): void => {
    if (message.type === 'unread' && message.count !== unread) {
      unread = message.count;
      render();
      events.emit('unread', unread);
    } else if (message.type === 'close') closeMessenger();
    else if (message.type === 'ticket:created') events.emit('ticket:created', message.ticket);
  };
  const src = `${config.publicOrigin}/messenger?site=${encodeURIComponent(config.siteKey)}&origin=${encodeURIComponent(win.location.origin)}`;
  const link = createFrameLink(win, src, config.publicOrigin, onFrameMessage, () => [bootMessage(), { type: open ? 'open' : 'close' }]);

  const render = (): void => {
    if (ui) renderLauncher(ui, open, unread);
  };
  const onClick = (): void => (open ? closeMessenger() : openMessenger(true));

  const draw = (): void => {
    if (ui || !look) return;
    ui = createLauncher(doc, look, onClick);
    render();
    events.emit('ready');
  };

  function openMessenger(byUser = false): void {
    if (!ui) return;
    const frame = link.ensure(ui, bootMessage());
    if (byUser) frame.focus();
    if (open) return;
    open = true;
    render();
    unfollow = followViewport(win, ui);
    link.post({ type: 'open' });
    events.emit('open');
  }

  function closeMessenger(): void {
    if (!ui || !open) return;
    const hadFocus = ui.root.activeElement === link.frame();
    open = false;
    render();
    stopFollowing();
    if (hadFocus) ui.button.focus();
    link.post({ type: 'close' });
    events.emit('close');
  }

  const shutdown = (): void => {
    if (!ui) return;
    link.post({ type: 'shutdown' });
    stopFollowing();
    const host = ui.host;
    host.style.setProperty('display', 'none');
    win.setTimeout(() => host.remove(), SHUTDOWN_GRACE_MS);
    ui = null;
    link.reset();
    open = false;
    unread = 0;
    options = {};
  };

  const exec = (command: unknown, args: unknown[]): void => {
    switch (command) {
      case 'boot':
        options = readBootOptions(args[0]);
        if (ui) link.post(bootMessage());
        else draw();
        break;
      case 'update': {
        const { user: next, attributes } = readBootOptions(args[0]);
        if (next) {
          const user: BridgeUser | undefined = options.user;
          options.user = user && user.id === next.id ? { ...user, ...next } : next;
        }
        if (attributes) options.attributes = { ...options.attributes, ...attributes };
        // Also the page the visitor is on now.
        link.post(bootMessage());
        break;
      }
      case 'consent':
        if (args[0] === true) {
          options.consent = true;
          link.post({ type: 'consent' });
        }
        break;
      case 'shutdown':
        shutdown();
        break;
      case 'open':
        openMessenger();
        break;
      case 'close':
        closeMessenger();
        break;
      case 'toggle':
        if (open) closeMessenger();
        else openMessenger();
        break;
      case 'showNewMessage':
        openMessenger();
        if (typeof args[0] === 'string') link.post({ type: 'prefill', text: args[0] });
        break;
      default:
        warn('unknown command', command);
    }
  };

  const run = (command: unknown, args: unknown[]): void => {
    if (command === 'on' || command === 'off') {
      const [event, fn] = args;
      const set = events.on.get(event as LoaderEvent); // unknown names find no set and are reported below
      if (!set || typeof fn !== 'function') return warn(`bad ${command}`, event);
      const handler = fn as Handler; // checked to be a function just above
      if (command === 'off') set.delete(handler);
      else {
        set.add(handler);
        if (event === 'ready' && ui) handler();
      }
    } else if (!look) waiting.push([command, ...args]);
    else exec(command, args);
  };

  const api: FrontdeskFunction = (command, ...args) => run(command, args);
  api.loaded = true;
  win.Frontdesk = api;
  for (const call of Array.from((existing && existing.q) || [])) {
    const [command, ...args] = Array.from(call);
    run(command, args);
  }

  const start = (result: LauncherLook, drawn: Launcher | null): void => {
    look = result;
    if (drawn) {
      ui = drawn;
      render();
      events.emit('ready');
    } else draw();
    for (const [command, ...args] of waiting.splice(0)) exec(command, args);
  };
  if (core) adoptCore(core, onClick, start);
  else void fetchLook(win, config.publicOrigin, config.siteKey).then((result) => whenBody(doc, () => start(result, null)));
  return api;
}

/** Takes over the button `widget.js` drew (now, or when it is drawn), and an early click on it. */
function adoptCore(core: LoaderCore, onClick: () => void, start: (look: LauncherLook, ui: Launcher | null) => void): void {
  const take = (): void => {
    core.onClick = onClick;
    start(core.look as LauncherLook, core.ui as Launcher); // both set together when the button was drawn
    if (core.clicked) onClick();
  };
  if (core.ui) take();
  else core.onDrawn = take;
}
