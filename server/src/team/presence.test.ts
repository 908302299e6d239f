/**
 * Presence across nodes in a real redis-server: a node that dies without saying goodbye (no leave, no close) stops
 * heartbeating, and its agents vanish from the other node's presence within the TTL plus one heartbeat.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentPresence, TicketViewer } from '../../../shared/team';
import { startRedis, type RedisServer } from '../../test/redis-server';
import type { RedisClient } from '../cluster/redis-cluster';
import { RedisPresenceStore } from './presence';
import { TeamPresence } from './team-presence';

const TTL_MS = 400;
const BEAT_MS = TTL_MS / 3;

let redis: RedisServer;
const clients: RedisClient[] = [];
const nodes: TeamPresence[] = [];

async function client(): Promise<RedisClient> {
  const c: RedisClient = createClient({ url: redis.url });
  await c.connect();
  clients.push(c);
  return c;
}

/** A node's presence with its broadcasts recorded, and a way to wait for one that satisfies a condition. */
async function node() {
  const teams: AgentPresence[][] = [];
  const viewers: { ticketId: string; viewers: TicketViewer[] }[] = [];
  const waiters: (() => void)[] = [];
  const presence = new TeamPresence(new RedisPresenceStore(await client(), { ttlMs: TTL_MS }), {
    team: (agents) => {
      teams.push(agents);
      waiters.splice(0).forEach((w) => w());
    },
    ticket: (ticketId, v) => {
      viewers.push({ ticketId, viewers: v });
      waiters.splice(0).forEach((w) => w());
    },
  });
  nodes.push(presence);
  /** Resolves once `check` holds after a broadcast, or rejects after `withinMs`. */
  const until = (check: () => boolean, withinMs: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not within ${withinMs} ms`)), withinMs);
      const test = () => {
        if (check()) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(test);
      };
      test();
    });
  return { presence, teams, viewers, until };
}

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  nodes.forEach((n) => n.stop());
  for (const c of clients) await c.close();
  await redis.stop();
});

describe('presence in Redis', () => {
  it("drops a dead node's agents within the TTL and a heartbeat, and marks them gone for reassignment", async () => {
    const a = await node();
    const b = await node();
    a.presence.start(BEAT_MS);
    b.presence.start(BEAT_MS);
    await a.presence.report('tab-ada', { agentId: 'ada', agentName: 'Ada', ticketId: 't1' });
    // B learns of Ada from the shared store on its heartbeat (A's broadcast reaches desks through the adapter).
    await b.until(() => b.teams.some((t) => t.some((x) => x.agentId === 'ada' && x.status === 'online')), 5 * BEAT_MS);
    expect(await b.presence.viewers('t1')).toEqual([{ agentId: 'ada', name: 'Ada', typing: false }]);

    // A's process dies: no leave, no close; only its heartbeat stops.
    a.presence.stop();
    const died = performance.now();
    await b.until(() => b.teams.at(-1)?.some((x) => x.agentId === 'ada') === false, TTL_MS + BEAT_MS + 1000);
    const vanishedAfter = performance.now() - died;
    expect(vanishedAfter).toBeLessThan(TTL_MS + BEAT_MS + 1000);
    expect(b.viewers.at(-1)).toEqual({ ticketId: 't1', viewers: [] });
    expect(await b.presence.team()).toEqual([]);
    expect([...(await b.presence.online())]).toEqual([]);
    expect((await b.presence.goneSince()).has('ada')).toBe(true);
    // The dead node's entry is gone from the hash, not merely hidden.
    const raw = await clients[0]!.hGetAll('frontdesk:presence');
    expect(Object.keys(raw)).not.toContain('tab-ada');
  });

  it('a node cut off for longer than the TTL comes back whole with its next heartbeat', async () => {
    const a = await node();
    const b = await node();
    b.presence.start(BEAT_MS);
    await a.presence.report('tab-bo', { agentId: 'bo', agentName: 'Bo' });
    await b.until(() => b.teams.at(-1)?.some((x) => x.agentId === 'bo') === true, 5 * BEAT_MS);
    // A misses its beats (stalled, or Redis unreachable from it) until B has dropped Bo.
    await b.until(() => b.teams.at(-1)?.some((x) => x.agentId === 'bo') === false, TTL_MS + BEAT_MS + 1000);
    await a.presence.heartbeat();
    await b.until(() => b.teams.at(-1)?.some((x) => x.agentId === 'bo') === true, 5 * BEAT_MS);
    expect((await b.presence.team()).map((x) => x.agentId)).toEqual(['bo']);
  });

  it('a tab that closes is not written back by a heartbeat running at the same time', async () => {
    const a = await node();
    await a.presence.report('tab-cy', { agentId: 'cy', agentName: 'Cy' });
    await Promise.all([a.presence.heartbeat(), a.presence.leave('tab-cy')]);
    await a.presence.heartbeat();
    expect((await a.presence.team()).map((x) => x.agentId)).not.toContain('cy');
  });
});
