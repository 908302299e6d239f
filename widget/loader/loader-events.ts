/** Events a site can subscribe to with `Frontdesk('on', event, fn)`, and their handlers. */
export const LOADER_EVENTS = ['ready', 'open', 'close', 'unread', 'ticket:created'] as const;
export type LoaderEvent = (typeof LOADER_EVENTS)[number];

export type Handler = (payload?: unknown) => void;

export interface LoaderEvents {
  /** The handlers of each event (every event has a set). */
  on: Map<LoaderEvent, Set<Handler>>;
  /** Calls every handler of `event`; one that throws is logged and the others still run. */
  emit: (event: LoaderEvent, payload?: unknown) => void;
}

export function createEvents(): LoaderEvents {
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

/**
 * `Frontdesk('on' | 'off', event, fn)`. A late `on('ready')` is called at once when the button is already drawn.
 * Returns false for an unknown event or a handler that is not a function.
 */
export function subscribe(events: LoaderEvents, command: 'on' | 'off', event: unknown, fn: unknown, ready: boolean): boolean {
  const set = events.on.get(event as LoaderEvent); // unknown names find no set
  if (!set || typeof fn !== 'function') return false;
  const handler = fn as Handler; // checked to be a function just above
  if (command === 'off') set.delete(handler);
  else {
    set.add(handler);
    if (event === 'ready' && ready) handler();
  }
  return true;
}
