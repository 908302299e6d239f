/**
 * The part of the loader every host page pays for (`widget.js`): it keeps the snippet's queue, draws the
 * button, and fetches the rest (`widget-app.js`: commands, iframe, bridge) when the browser is idle or at the
 * first click, whichever comes first. It hands what it made to the rest through `Frontdesk.core`.
 */
import { createLauncher, type Launcher, type LauncherLook } from './launcher';
import { fetchLook, whenBody } from './look';
import type { FrontdeskFunction, LoaderConfig } from './loader';

/** What the first part hands to the rest. */
export interface LoaderCore {
  config: LoaderConfig;
  /** Unset until the site's look arrived and the button is drawn. */
  ui?: Launcher;
  look?: LauncherLook;
  /** The visitor clicked before the rest arrived: open at once. */
  clicked?: boolean;
  /** Set by the rest: what a click on the button does from then on. */
  onClick?: () => void;
  /** Set by the rest: called when the button is drawn after it arrived. */
  onDrawn?: () => void;
}

/** How long the browser may wait for an idle moment before the rest is fetched anyway. */
const IDLE_TIMEOUT_MS = 3000;

/** Installs the queueing `Frontdesk`, draws the button, and calls `loadRest` once (idle or first click). */
export function startLoader(win: Window, config: LoaderConfig, loadRest: () => void): void {
  const existing = win.Frontdesk;
  if (existing && (existing.loaded || existing.core)) return;
  const queue = (existing && existing.q) || [];
  const core: LoaderCore = { config }; // the rest of the fields are set as things happen
  const stub: FrontdeskFunction = function () {
    // The snippet's own format: a list of `arguments` objects.
    queue.push(arguments);
  };
  stub.q = queue;
  stub.core = core;
  win.Frontdesk = stub;

  let requested = false;
  const load = (): void => {
    if (!requested) loadRest();
    requested = true;
  };
  const idle = (win as { requestIdleCallback?: (fn: () => void, o: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle.call(win, load, { timeout: IDLE_TIMEOUT_MS });
  else win.setTimeout(load, 1);

  void fetchLook(win, config.publicOrigin, config.siteKey).then((look) =>
    whenBody(win.document, () => {
      core.look = look;
      core.ui = createLauncher(win.document, look, () => {
        if (core.onClick) return core.onClick();
        core.clicked = true;
        load();
      });
      if (core.onDrawn) core.onDrawn();
    }),
  );
}

/** Adds `<script src=…>` for the rest, carrying the loader's own nonce for hosts whose CSP uses one. */
export function injectScript(doc: Document, src: string, nonce: string): void {
  const script = doc.createElement('script');
  script.src = src; // an added script is async by itself
  script.nonce = nonce;
  doc.head.appendChild(script);
}
