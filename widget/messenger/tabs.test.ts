// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { TabsLink } from './tabs';

const open: TabsLink[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function tab(name: string, reads: string[], onRead: () => void = () => {}): TabsLink {
  const link = new TabsLink(new BroadcastChannel('frontdesk:demo'), () => {
    reads.push(name);
    onRead();
  }, 50);
  open.push(link);
  return link;
}

describe('TabsLink (real BroadcastChannels, as tabs of one browser have)', () => {
  it('plays one sound per message, whichever tabs receive it', async () => {
    const tabs = [tab('a', []), tab('b', []), tab('c', [])];
    const first = await Promise.all(tabs.map((t) => t.claimSound('m1')));
    expect(first.filter(Boolean)).toHaveLength(1);
    const second = await Promise.all(tabs.map((t) => t.claimSound('m2')));
    expect(second.filter(Boolean)).toHaveLength(1);
  });

  it('a read in one tab clears the others', async () => {
    const reads: string[] = [];
    let done = (): void => {};
    const heard = new Promise<void>((resolve) => {
      done = () => reads.length === 2 && resolve();
    });
    const a = tab('a', reads, () => done());
    tab('b', reads, () => done());
    tab('c', reads, () => done());
    a.read();
    await heard;
    expect(reads.sort()).toEqual(['b', 'c']);
  });

  it('plays alone without a channel', async () => {
    expect(await new TabsLink(null, () => {}).claimSound('m')).toBe(true);
  });
});
