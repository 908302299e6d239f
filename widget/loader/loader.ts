/**
 * The `Frontdesk(command, ...args)` global: draws the launcher, creates the messenger iframe on first open and
 * talks to it over the bridge. Writes no cookie and no storage: the iframe keeps its own state.
 */
import { envelope, parseMessengerMessage, type BridgeUser, type LoaderMessage } from '../bridge';
import { DEFAULT_COLOR, safeColor } from '../color';
import { createFrame, createLauncher, renderLauncher, type Launcher, type LauncherLook } from './launcher';

/** Events a site can subscribe to with `Frontdesk('on', event, fn)`. */
export const LOADER_EVENTS = ['ready', 'open', 'close', 'unread', 'ticket:created'] as const;
export type LoaderEvent = (typeof LOADER_EVENTS)[number];

type Handler = (payload?: unknown) => void;

/** The global function. Before the loader arrives, the snippet's stand-in collects calls in `q`. */
export interface FrontdeskFunction {
  (command: string, ...args: unknown[]): void;
  /** Calls made before the loader ran (each an `arguments` object). */
  q?: ArrayLike<unknown>[];
  /** Set by the loader, so a second copy of the script does nothing. */
  loaded?: boolean;
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

const SETTINGS_TIMEOUT_MS = 3000;
/** How long a shut-down iframe stays attached so it can act on `shutdown` (forget the visitor) first. */
const SHUTDOWN_GRACE_MS = 1000;

async function fetchLook(win: Window, config: LoaderConfig): Promise<LauncherLook> {
  const fallback: LauncherLook = { color: DEFAULT_COLOR, position: 'right' };
  try {
    const url = `${config.publicOrigin}/api/widget/sites/${encodeURIComponent(config.siteKey)}`;
    // Without AbortSignal.timeout (pre-2022 browsers) the request simply has no deadline.
    const signal = AbortSignal.timeout ? AbortSignal.timeout(SETTINGS_TIMEOUT_MS) : undefined;
    const response = await win.fetch(url, { credentials: 'omit', signal });
    // An error answer ({ error }) has neither field, so it yields the defaults like a failed request does.
    const site = (await response.json()) as { color?: unknown; position?: unknown };
    return { color: safeColor(site.color), position: site.position === 'left' ? 'left' : 'right' };
  } catch {
    return fallback;
  }
}

function readUser(options: unknown): BridgeUser | undefined {
  // Site code may pass anything: only string fields travel (a function would make postMessage throw).
  const user = options ? (options as { user?: Partial<Record<keyof BridgeUser, unknown>> }).user : undefined;
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  return user && typeof user.id === 'string'
    ? { id: user.id, email: text(user.email), name: text(user.name), token: text(user.token) }
    : undefined;
}

/** Installs `win.Frontdesk`, drains the snippet's queue and draws the launcher once the site's look is known. */
export function installFrontdesk(win: Window, config: LoaderConfig): FrontdeskFunction {
  const existing = win.Frontdesk;
  // Optional chaining is avoided in this file: the es2019 target expands it into longer code.
  if (existing && existing.loaded) return existing;
  const doc = win.document;
  const handlers = new Map<LoaderEvent, Set<Handler>>(LOADER_EVENTS.map((e) => [e, new Set<Handler>()]));
  const warn = (text: string, value: unknown): void => console.warn('Frontdesk:', text, value);

  let look: LauncherLook | null = null; // null until the settings arrived: commands wait in `waiting`
  const waiting: unknown[][] = [];
  let ui: Launcher | null = null;
  let frame: HTMLIFrameElement | null = null;
  let frameReady = false;
  let toFrame: LoaderMessage[] = [];
  let open = false;
  let unread = 0;
  let user: BridgeUser | undefined;

  const emit = (event: LoaderEvent, payload?: unknown): void => {
    // Every LoaderEvent got its set when `handlers` was built from LOADER_EVENTS.
    (handlers.get(event) as Set<Handler>).forEach((fn) => {
      try {
        fn(payload);
      } catch (error) {
        console.error(error);
      }
    });
  };

  const post = (message: LoaderMessage): void => {
    if (!frame) return;
    if (frameReady && frame.contentWindow) frame.contentWindow.postMessage(envelope(message), config.publicOrigin);
    else toFrame.push(message);
  };

  // The messenger reads the time zone itself (same browser), so the loader sends only the user.
  const bootMessage = (): LoaderMessage => ({ type: 'boot', user });

  const render = (): void => {
    if (ui) renderLauncher(ui, open, unread);
  };

  const draw = (): void => {
    if (ui || !look) return;
    ui = createLauncher(doc, look, () => (open ? closeMessenger() : openMessenger(true)));
    render();
    emit('ready');
  };

  function openMessenger(byUser = false): void {
    if (!ui) return;
    if (!frame) {
      const src = `${config.publicOrigin}/messenger?site=${encodeURIComponent(config.siteKey)}&origin=${encodeURIComponent(win.location.origin)}`;
      frame = createFrame(doc, ui, src);
      toFrame = [bootMessage()];
    }
    if (byUser) frame.focus();
    if (open) return;
    open = true;
    render();
    post({ type: 'open' });
    emit('open');
  }

  function closeMessenger(): void {
    if (!ui || !open) return;
    const hadFocus = ui.root.activeElement === frame;
    open = false;
    render();
    if (hadFocus) ui.button.focus();
    post({ type: 'close' });
    emit('close');
  }

  const shutdown = (): void => {
    if (!ui) return;
    post({ type: 'shutdown' });
    const host = ui.host;
    host.style.setProperty('display', 'none');
    win.setTimeout(() => host.remove(), SHUTDOWN_GRACE_MS);
    ui = frame = null;
    frameReady = open = false;
    toFrame = [];
    unread = 0;
    user = undefined;
  };

  const onMessage = (event: MessageEvent): void => {
    if (!frame || event.origin !== config.publicOrigin || event.source !== frame.contentWindow) return;
    const message = parseMessengerMessage(event.data);
    if (!message) return;
    switch (message.type) {
      case 'ready': {
        // A second `ready` means the iframe reloaded: tell it again who the visitor is and whether it is open.
        const queued = frameReady ? [bootMessage(), { type: open ? 'open' : 'close' } as const] : toFrame;
        frameReady = true;
        toFrame = [];
        queued.forEach(post);
        break;
      }
      case 'unread':
        if (message.count !== unread) {
          unread = message.count;
          render();
          emit('unread', unread);
        }
        break;
      case 'close':
        closeMessenger();
        break;
      case 'ticket:created':
        emit('ticket:created', message.ticket);
        break;
    }
  };

  const exec = (command: unknown, args: unknown[]): void => {
    switch (command) {
      case 'boot':
        user = readUser(args[0]);
        if (ui) post(bootMessage());
        else draw();
        break;
      case 'update': {
        const next = readUser(args[0]);
        if (next) {
          user = user && user.id === next.id ? { ...user, ...next } : next;
          post(bootMessage());
        }
        break;
      }
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
        if (typeof args[0] === 'string') post({ type: 'prefill', text: args[0] });
        break;
      default:
        warn('unknown command', command);
    }
  };

  const run = (command: unknown, args: unknown[]): void => {
    if (command === 'on' || command === 'off') {
      const [event, fn] = args;
      const set = handlers.get(event as LoaderEvent); // unknown names find no set and are reported below
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
  win.addEventListener('message', onMessage);
  for (const call of Array.from((existing && existing.q) || [])) {
    const [command, ...args] = Array.from(call);
    run(command, args);
  }

  void fetchLook(win, config).then((result) => {
    const start = (): void => {
      look = result;
      draw();
      for (const [command, ...args] of waiting.splice(0)) exec(command, args);
    };
    if (doc.body) start();
    else doc.addEventListener('DOMContentLoaded', start, { once: true });
  });
  return api;
}
