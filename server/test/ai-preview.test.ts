/**
 * `POST /api/ai/preview` is the real path: the site's handoff rules, the offer rule and the site's agent name,
 * as a visitor's first message in a conversation would get them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, startServer, type TestServer } from './harness';

interface Preview {
  reply: string;
  action: 'answer' | 'offer_handoff' | 'handoff';
  sources: { id: string }[];
  agentName: string;
  handoffReason: string | null;
  policy?: string;
}

let server: TestServer;
let cookie: string;

async function setDemoSettings(patch: Record<string, unknown>): Promise<void> {
  const site = await server.app.db.selectFrom('sites').select(['id', 'settings']).where('key', '=', 'demo').executeTakeFirstOrThrow();
  const settings = { ...(JSON.parse(site.settings) as Record<string, unknown>), ...patch };
  await server.app.db.updateTable('sites').set({ settings: JSON.stringify(settings) }).where('id', '=', site.id).execute();
}

const preview = async (body: Record<string, unknown>) => (await api<Preview>(server, 'POST', '/api/ai/preview', { cookie, body })).body;

beforeAll(async () => {
  server = await startServer();
  cookie = await signIn(server);
});
afterAll(() => server.close());

describe('POST /api/ai/preview', () => {
  it('hands a live security incident to a person, as the site rule does in a conversation', async () => {
    const p = await preview({ message: 'Our admin account was hacked an hour ago and someone is deleting files right now' });
    expect(p).toMatchObject({ action: 'handoff', handoffReason: 'policy', sources: [] });
    expect(p.policy).toMatch(/security/);
  });

  it.each(['Unser Konto wurde gehackt, bitte helfen', 'i got a weird login alert from russia and now my password doesnt work'])('hands %j to a person too', async (message) => {
    expect(await preview({ message })).toMatchObject({ action: 'handoff', handoffReason: 'policy' });
  });

  it("speaks under the site's agent name", async () => {
    await setDemoSettings({ agentName: 'Aria' });
    const p = await preview({ message: 'hello' });
    expect(p.agentName).toBe('Aria');
    expect(p.reply).toContain('Aria');
    expect(p.reply).not.toContain('Kai');
    await setDemoSettings({ agentName: 'Kai' });
  });

  it("applies the site's VIP rule to a verified visitor, and not to an anonymous one", async () => {
    await setDemoSettings({ handoffRules: { categories: ['security'], vipEmails: ['ceo@bigcustomer.example'], vipUserIds: [] } });
    const vip = await preview({ message: 'How do I reset my password?', visitor: { email: 'ceo@bigcustomer.example' } });
    expect(vip).toMatchObject({ action: 'handoff', policy: 'VIP customer' });
    const anonymous = await preview({ message: 'How do I reset my password?' });
    expect(anonymous.action).toBe('answer');
    expect(anonymous.sources.length).toBeGreaterThan(0);
  });

  it('adds the offer of a person where a conversation would (a question about contacting support)', async () => {
    const p = await preview({ message: 'How can I contact your support team by phone?' });
    expect(p.action).toBe('offer_handoff');
    expect(p.reply).toMatch(/connect you with a person/);
  });
});
