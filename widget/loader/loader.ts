/**
 * The full `Frontdesk(command, ...args)` global (`widget-app.js`): commands, events, the open state and the
 * messenger iframe. Writes no cookie and no storage: the iframe keeps its own state. `widget.js` (core.ts) draws
 * the button and queues calls until this arrives; tests install this part alone. The parts: `loader-events.ts`
 * (`on`/`off` and emitting), `messenger-host.ts` (the button, the iframe and the open state), `COMMANDS` below
 * (the site's commands onto the host).
 */
import type { LoaderCore } from './core';
import type { Launcher, LauncherLook } from './launcher';
import { createEvents, subscribe } from './loader-events';
import { fetchLook, whenBody } from './look';
import { createMessengerHost, type LoaderConfig, type MessengerHost } from './messenger-host';

export { LOADER_EVENTS, type LoaderEvent } from './loader-events';
export type { LoaderConfig } from './messenger-host';

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

/** The site's commands (`Frontdesk('open')`, …); `on` and `off` are handled apart, before the look is known. */
const COMMANDS: Record<string, (host: MessengerHost, args: unknown[]) => void> = {
  boot: (host, [options]) => host.boot(options),
  update: (host, [options]) => host.update(options),
  consent: (host, [given]) => {
    if (given === true) host.consent();
  },
  shutdown: (host) => host.shutdown(),
  open: (host) => host.open(),
  close: (host) => host.close(),
  toggle: (host) => host.toggle(),
  showNewMessage: (host, [text]) => {
    host.open();
    if (typeof text === 'string') host.prefill(text);
  },
};

const warn = (text: string, value: unknown): void => console.warn('Frontdesk:', text, value);

function exec(host: MessengerHost, command: unknown, args: unknown[]): void {
  const run = typeof command === 'string' && Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (run) run(host, args);
  else warn('unknown command', command);
}

/**
 * Installs `win.Frontdesk` in four steps: the events and the host; the global, which runs `on`/`off` at once and
 * holds other commands until the site's look is known; the snippet's queue, drained through it; then the look
 * (from `widget.js`'s hand-over, or fetched) starts the host and the held commands run in order.
 */
export function installFrontdesk(win: Window, config: LoaderConfig, core?: LoaderCore): FrontdeskFunction {
  const existing = win.Frontdesk;
  // Optional chaining is avoided in the loader: the es2019 target expands it into longer code.
  if (existing && existing.loaded) return existing;
  const events = createEvents();
  const host = createMessengerHost(win, config, events.emit);

  const waiting: unknown[][] = [];
  const run = (command: unknown, args: unknown[]): void => {
    if (command === 'on' || command === 'off') {
      if (!subscribe(events, command, args[0], args[1], host.drawn())) warn(`bad ${command}`, args[0]);
    } else if (!host.started()) waiting.push([command, ...args]);
    else exec(host, command, args);
  };
  const api: FrontdeskFunction = (command, ...args) => run(command, args);
  api.loaded = true;
  win.Frontdesk = api;

  for (const call of Array.from((existing && existing.q) || [])) {
    const [command, ...args] = Array.from(call);
    run(command, args);
  }

  const start = (look: LauncherLook, drawn: Launcher | null): void => {
    host.start(look, drawn);
    for (const [command, ...args] of waiting.splice(0)) exec(host, command, args);
  };
  if (core) adoptCore(core, host.click, start);
  else void fetchLook(win, config.publicOrigin, config.siteKey).then((result) => whenBody(win.document, () => start(result, null)));
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
