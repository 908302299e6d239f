/**
 * The loader's side of the bridge: the messenger iframe (created on first open, kept when closed), messages
 * queued until it says `ready`, posted to the server's origin only, and accepted only from that origin and
 * that iframe's window.
 */
import { envelope, parseMessengerMessage, type LoaderMessage, type MessengerMessage } from '../bridge';
import type { Launcher } from './launcher';
import { createFrame } from './panel';

export interface FrameLink {
  /** The iframe, or null before the first open. */
  frame(): HTMLIFrameElement | null;
  /** Creates the iframe if there is none; `first` is posted before anything else. */
  ensure(ui: Launcher, first: LoaderMessage): HTMLIFrameElement;
  post(message: LoaderMessage): void;
  /** Forgets the iframe (after `shutdown`). */
  reset(): void;
}

/**
 * `onMessage` gets each well-formed message from the iframe; `onReload` is asked what to re-send when a second
 * `ready` shows the iframe reloaded.
 */
export function createFrameLink(
  win: Window,
  src: string,
  publicOrigin: string,
  onMessage: (message: MessengerMessage) => void,
  onReload: () => LoaderMessage[],
): FrameLink {
  let frame: HTMLIFrameElement | null = null;
  let ready = false;
  let queued: LoaderMessage[] = [];

  const post = (message: LoaderMessage): void => {
    if (!frame) return;
    if (ready && frame.contentWindow) frame.contentWindow.postMessage(envelope(message), publicOrigin);
    else queued.push(message);
  };

  win.addEventListener('message', (event: MessageEvent) => {
    if (!frame || event.origin !== publicOrigin || event.source !== frame.contentWindow) return;
    const message = parseMessengerMessage(event.data);
    if (!message) return;
    if (message.type !== 'ready') return onMessage(message);
    const toSend = ready ? onReload() : queued;
    ready = true;
    queued = [];
    toSend.forEach(post);
  });

  return {
    frame: () => frame,
    ensure(ui, first) {
      if (!frame) {
        frame = createFrame(win.document, ui, src);
        queued = [first];
      }
      return frame;
    },
    post,
    reset() {
      frame = null;
      ready = false;
      queued = [];
    },
  };
}
