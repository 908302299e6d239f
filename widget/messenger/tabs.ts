/**
 * The site's messenger in several tabs of one browser (one iframe per tab, one BroadcastChannel between them):
 * reading in any tab clears the unread count in all, and of the tabs that receive a new message only one plays
 * the sound. Nothing is stored, so this holds before consent too.
 *
 * `messenger.ts` loads this module just after it starts (a chunk of its own: none of it is needed to draw).
 */
import { effect } from '@preact/signals';
import type { ConversationModel } from './models/conversation';

type TabMessage = { type: 'read' } | { type: 'claim'; messageId: string; tab: number };

/** How long tabs collect each other's claims on a message before the lowest claimant plays. */
const ELECTION_MS = 150;

export class TabsLink {
  private readonly tab = Math.random();
  private readonly claims = new Map<string, number[]>();

  constructor(
    private readonly channel: BroadcastChannel | null,
    private readonly onRead: () => void,
    private readonly electionMs = ELECTION_MS,
  ) {
    channel?.addEventListener('message', (event: MessageEvent<TabMessage>) => this.onMessage(event.data));
  }

  /** This tab showed the conversation: the others clear their counts. */
  read(): void {
    this.channel?.postMessage({ type: 'read' } satisfies TabMessage);
  }

  /** Resolves true in one tab only, of all that claim the same message at about the same time. */
  claimSound(messageId: string): Promise<boolean> {
    if (!this.channel) return Promise.resolve(true);
    this.claimants(messageId).push(this.tab);
    this.channel.postMessage({ type: 'claim', messageId, tab: this.tab } satisfies TabMessage);
    return new Promise((resolve) =>
      setTimeout(() => {
        const all = this.claimants(messageId);
        this.claims.delete(messageId);
        resolve(Math.min(...all) === this.tab);
      }, this.electionMs),
    );
  }

  close(): void {
    this.channel?.close();
  }

  private claimants(messageId: string): number[] {
    const list = this.claims.get(messageId) ?? [];
    this.claims.set(messageId, list);
    return list;
  }

  private onMessage(data: TabMessage): void {
    if (data.type === 'read') this.onRead();
    else if (data.type === 'claim') this.claimants(data.messageId).push(data.tab);
  }
}

export interface SharedTabs {
  link: TabsLink;
  stop: () => void;
}

/**
 * One unread count and one sound per new message across the site's tabs: a read anywhere clears every tab's
 * count, and one tab of those that got the message plays the chime (only while closed or in the background).
 */
export function shareAcrossTabs(win: Window, siteKey: string, conversation: ConversationModel): SharedTabs {
  const Channel = (win as { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  const link = new TabsLink(Channel ? new Channel(`frontdesk:${siteKey}`) : null, () => conversation.markRead());
  let before = conversation.unread.peek();
  const stopSound = effect(() => {
    const unread = conversation.unread.value;
    const newest = conversation.messages.peek().at(-1);
    if (unread > before && newest) {
      void link.claimSound(newest.id).then((mine) => {
        if (mine) void import('./chime').then(({ playChime }) => playChime(win));
      });
    }
    before = unread;
  });
  return {
    link,
    stop: () => {
      stopSound();
      link.close();
    },
  };
}
