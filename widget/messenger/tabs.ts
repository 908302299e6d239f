/**
 * The site's messenger in several tabs of one browser (one iframe per tab, one BroadcastChannel between them):
 * reading in any tab clears the unread count in all, and of the tabs that receive a new message only one plays
 * the sound. Nothing is stored, so this holds before consent too.
 */

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
