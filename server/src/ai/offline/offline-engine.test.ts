import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest } from '../../db/database';
import { KnowledgeBase, readDemoArticles } from '../../kb/knowledge-base';
import { ensureDemoSite } from '../../sites/site.repository';
import { isSecurityIncident, MIN_COVERAGE, MIN_SCORE, minScoreFor, OfflineEngine } from './offline-engine';
import { triageOffline } from './triage-rules';

let engine: OfflineEngine;
let kb: KnowledgeBase;
let siteId: string;
const now = new Date('2026-03-02T10:00:00Z');
const turn = (message: string, offeredHandoff = false) => engine.decide({ siteId, message, history: [], agentName: 'Kai', offeredHandoff });

beforeAll(async () => {
  const db = openDatabase('sqlite::memory:');
  await migrateToLatest(db);
  siteId = (await ensureDemoSite(db, 'http://127.0.0.1:3000', now)).id;
  kb = new KnowledgeBase(db);
  await kb.seedIfEmpty(siteId, readDemoArticles(), now);
  await kb.load(siteId);
  engine = new OfflineEngine(kb);
});

describe('offline Kai', () => {
  it('ships a demo knowledge base of at least 12 articles', () => {
    expect(readDemoArticles().length).toBeGreaterThanOrEqual(12);
  });

  it.each([
    ['How do I reset my password?', /password/i],
    ['What are your support hours?', /hours|centre/i],
    ['How do I set up two-factor authentication?', /two-factor|2FA/i],
    ['Can I get an invoice with our VAT number?', /invoice|VAT/i],
    ['How do I reopen a solved request?', /request/i],
  ])('answers %j from the right article, quoting a passage, not the whole article', (question, title) => {
    const t = turn(question);
    expect(t.action).toBe('answer');
    expect(t.sources).toHaveLength(1);
    expect(t.sources[0]!.title).toMatch(title);
    expect(t.sources[0]!.url).toMatch(/^\/help\//);
    const article = readDemoArticles().find((a) => a.title === t.sources[0]!.title)!;
    expect(t.reply.length).toBeGreaterThan(20);
    expect(t.reply.length).toBeLessThan(article.body.length);
  });

  it('says plainly when nothing fits and offers a person, once', () => {
    const first = turn('What is the capital of France?');
    expect(first.action).toBe('offer_handoff');
    expect(first.sources).toEqual([]);
    expect(first.reply).toMatch(/couldn't find/i);
    expect(first.reply).toMatch(/person/i);
    const again = turn('What is the capital of France?', true);
    expect(again.action).toBe('answer');
    expect(again.reply).toMatch(/Talk to a person/);
  });

  it('hands off at once when asked for a person', () => {
    expect(turn('can I talk to a human?')).toMatchObject({ action: 'handoff', handoffReason: 'visitor_request' });
  });

  it('finds an article added at runtime at once, and forgets a removed one', async () => {
    const before = turn('Do you offer a discount for charities?');
    expect(before.action).toBe('offer_handoff');
    const article = await kb.create(siteId, { title: 'Charity and non-profit discount', body: 'Registered charities and non-profit organisations get a 40% discount on every plan. Email billing with your registration number.' }, now);
    const after = turn('Do you offer a discount for charities?');
    expect(after.action).toBe('answer');
    expect(after.reply).toContain('40%');
    await kb.remove(siteId, article.id);
    expect(turn('Do you offer a discount for charities?').action).toBe('offer_handoff');
  });
});

describe('offline triage', () => {
  it('rates a whole-company outage high urgency and high impact', () => {
    const t = triageOffline('Nobody in our company can log in, the whole platform is down!');
    expect([t.urgency, t.impact]).toEqual(['high', 'high']);
    expect(t.urgencyReason.length).toBeGreaterThan(5);
    expect(t.evidence.length).toBeGreaterThan(0);
  });

  it('does not treat a casual "urgent" as an emergency', () => {
    const t = triageOffline('Urgent: how do I change the colour of my dashboard?');
    expect(t.urgency).not.toBe('high');
    expect(t.urgencyReason).toMatch(/urgent/i);
  });

  it('rates a security incident high urgency', () => {
    const t = triageOffline('I think our account was hacked, there are logins from another country');
    expect(t.urgency).toBe('high');
    expect(t.category).toBe('security');
  });

  it('rates a relaxed single-user question low and low', () => {
    const t = triageOffline('Just wondering how I change my profile picture, no rush');
    expect([t.urgency, t.impact]).toEqual(['low', 'low']);
  });

  it.each([
    ['a polite message about a whole organisation blocked', 'Apologies for the bother, but none of our 300 people can open shared folders since 8am.', 'high', 'high'],
    ['credentials typed into a phishing page by a privileged user', 'Hi,\nour finance director typed her password into a fake login page ten minutes ago', 'high', 'high'],
    ['one ordinary account hacked: security is never only one person', 'One of our users thinks his account was hacked', 'high', 'medium'],
    ['a deadline within hours for a billing matter', 'We need the corrected invoice by 3pm today', 'high', 'medium'],
    ['the same with a deadline in days', 'We need the corrected invoice by Thursday', 'medium', 'medium'],
    ['one person blocked before a meeting', "I can't sign in and my client call is in 20 minutes", 'high', 'low'],
    ['degraded for everyone, with a workaround', 'Previews are broken for every user since Monday; downloading works for now.', 'medium', 'high'],
    ['"only me" against the people it works for', 'It only happens to me, everyone else on the team is fine: the app crashes when I open settings', 'medium', 'low'],
    ['shouting about something cosmetic', 'THIS IS AWFUL!!! the icon next to my name is the wrong colour', 'low', 'low'],
    ['"ASAP" on a how-to', 'ASAP: how do I add a profile picture?', 'low', 'low'],
    ['a cosmetic fault everyone sees, no hurry', 'Minor: the footer on every page our staff see has a typo. Whenever you can.', 'low', 'high'],
  ] as const)('triages %s', (_, text, urgency, impact) => {
    const t = triageOffline(text);
    expect([t.urgency, t.impact]).toEqual([urgency, impact]);
    expect(t.urgencyReason.length).toBeGreaterThan(5);
    expect(t.impactReason.length).toBeGreaterThan(5);
  });

  it('does not read numbers that are not times or people as deadlines or head counts', () => {
    expect(triageOffline('We were charged for 60 seats but only have 52 people').impact).toBe('medium');
    expect(triageOffline('I have 2,500 files to move, how do I upload a whole folder?')).toMatchObject({ urgency: 'low', impact: 'low' });
    expect(triageOffline('We were billed for 45 seats, can you check?').urgency).not.toBe('high');
    // A number that ends the subject line does not count the "Customer" of the salutation below it.
    const subject = triageOffline('Crash in Zoom 5\n\nDear Customer Support, the app crashes whenever I share my screen.');
    expect(subject.impact).toBe('low');
    expect(subject.impactReason).not.toMatch(/several people/);
    expect(triageOffline('Problem for 7 customers\n\nThey cannot open the shared folder.').impact).toBe('medium');
  });

  it('calibrates for business support: a fault called urgent, or in bought hardware, is not one person’s nuisance', () => {
    const urgent = triageOffline('Urgent: Dell XPS 13 overheating issue\n\nIt overheats and slows down badly. Please advise.');
    expect([urgent.urgency, urgent.impact]).toEqual(['high', 'medium']);
    expect(urgent.impactReason).toMatch(/XPS|Urgent/);
    const device = triageOffline('Dear Customer Support, my new laptop fails to boot after the update. What should I do?');
    expect(device.impact).toBe('medium');
    expect(device.impactReason).toContain('laptop');
    // A salutation to the vendor's team is not the customer's team; "our sales team" still is.
    expect(triageOffline('Dear Customer Support Team, how do I change my display name?').impact).toBe('low');
    expect(triageOffline('How do I add our sales team to a campaign?').impact).toBe('medium');
    // A German compound is matched by its head ("Zahlungsprobleme" is a problem).
    const german = triageOffline('Dringende Anfrage: Zahlungsprobleme bei der letzten Rechnung');
    expect(german.urgency).toBe('high');
    expect(german.urgencyReason).toContain('zahlungsprobleme');
    // Harm to their operations is a fault in its own words: called urgent, it is high urgency.
    const harm = triageOffline('Urgent: the new release is affecting our daily operations.');
    expect(harm.urgency).toBe('high');
    expect(harm.urgencyReason).toContain('affecting our daily operations');
    expect(triageOffline('The new release is affecting our daily operations.').urgency).not.toBe('high');
    // A priority the customer states below high caps the urgency at medium, but not a security incident's or a
    // deadline within hours.
    const stated = triageOffline('Medium priority: our server is down since this morning.');
    expect(stated.urgency).toBe('medium');
    expect(stated.urgencyReason).toContain('Medium priority');
    expect(triageOffline('Low priority, but someone hacked our account.').urgency).toBe('high');
    expect(triageOffline('Medium priority: we need the corrected invoice by 3pm today.').urgency).toBe('high');
    // A fault the customer calls minor is low, unless work has stopped.
    const minor = triageOffline('A minor issue: the keyboard sometimes lags after the update.');
    expect(minor.urgency).toBe('low');
    expect(minor.urgencyReason).toContain('minor issue');
    expect(triageOffline('A minor issue, but nobody can sign in since this morning.').urgency).toBe('high');
    // One person's productivity is one person's; the organisation's is the organisation's.
    expect(triageOffline('The crash is affecting my daily productivity.').impact).toBe('low');
    expect(triageOffline('The crash is affecting our daily productivity.').impact).toBe('high');
    // The customer's own deadline is still one person's.
    expect(triageOffline('my upload keeps failing and I have to deliver this file by end of day today').impact).toBe('low');
  });

  it('reads each line of a multi-line message on its own', () => {
    const t = triageOffline('Everyone locked out\nNobody in the whole company can log in, this is an outage.');
    expect([t.urgency, t.impact]).toEqual(['high', 'high']);
  });
});

describe('when the offline engine trusts an article', () => {
  it('asks a smaller score of a knowledge base smaller than the demo one, and the same of any larger one', () => {
    expect(minScoreFor(24)).toBe(MIN_SCORE);
    expect(minScoreFor(1000)).toBe(MIN_SCORE);
    expect(minScoreFor(6)).toBeGreaterThan(MIN_SCORE * 0.5);
    expect(minScoreFor(6)).toBeLessThan(MIN_SCORE * 0.6);
    expect(minScoreFor(0)).toBeGreaterThan(0);
  });

  it('tells a security incident in progress from a question about security', () => {
    expect(isSecurityIncident('Someone hacked my account and changed my password')).toBe(true);
    expect(isSecurityIncident('I clicked a link in a phishing email and typed in my password')).toBe(true);
    expect(isSecurityIncident('How do I report a security vulnerability?')).toBe(false);
    expect(isSecurityIncident('How do I reset my password?')).toBe(false);
  });
});

describe('offline retrieval', () => {
  it.each([
    ['How do I enable MFA?', '/help/two-factor-authentication'],
    ['Where do I find my receipts?', '/help/invoices-tax'],
    ['what is the max upload size', '/help/file-sharing-limits'],
    ['Our Entra login says audience mismatch', '/help/sso-saml'],
  ])('understands the customer’s word for it: %j', (question, url) => {
    const t = turn(question);
    expect(t.action).toBe('answer');
    expect(t.sources[0]?.url).toBe(url);
  });

  it('admits it has no answer when the question’s distinctive word is nowhere in the help centre', () => {
    for (const q of ['Can I pay with Apple Pay?', 'Is there a Blackberry app?']) {
      const t = turn(q);
      expect(t.action, q).toBe('offer_handoff');
      expect(t.sources, q).toEqual([]);
    }
  });

  it('answers only from an article that covers as much of the question as its threshold asks', () => {
    const question = 'How do I set up two-factor authentication for my account?';
    const best = kb.index(siteId).search(question)[0]!;
    expect(best.coverage).toBeGreaterThanOrEqual(MIN_COVERAGE);
    const decide = (minCoverage: number) => new OfflineEngine(kb, undefined, minCoverage).decide({ siteId, message: question, history: [], agentName: 'Kai', offeredHandoff: false });
    expect(decide(best.coverage)).toMatchObject({ action: 'answer', sources: [{ id: best.articleId }] });
    expect(decide(best.coverage + 0.01)).toMatchObject({ action: 'offer_handoff', sources: [], handoffReason: 'no_answer' });
  });

  it('quotes a list together with the sentence that introduces it', () => {
    const t = turn('Can we get a dedicated account manager?');
    expect(t.reply).toMatch(/we can provide:\n• a named technical account manager/);
  });

  it('reads a table as one line a row', () => {
    const t = turn('How fast do you reply to a low priority ticket?');
    expect(t.sources[0]?.url).toBe('/help/response-times');
    expect(t.reply).not.toContain('|');
  });
});

describe('offline engine in the visitor language', () => {
  it.each([
    ['de', 'Hallo', /^Hallo! Ich bin Kai/],
    ['fr', 'Bonjour', /^Bonjour ! Je suis Kai/],
    ['es', 'Hola', /^¡Hola! Soy Kai/],
    ['pt', 'Olá', /^Olá! Eu sou Kai/],
    ['ar', 'مرحبا', /أنا Kai/],
  ] as const)('greets in %s', (language, message, reply) => {
    expect(engine.decide({ siteId, message, history: [], agentName: 'Kai', offeredHandoff: false, language }).reply).toMatch(reply);
  });

  it('hands off a request for a person in German, and admits in German when nothing fits', () => {
    expect(engine.decide({ siteId, message: 'Ich möchte mit einem Menschen sprechen', history: [], agentName: 'Kai', offeredHandoff: false, language: 'de' }).action).toBe('handoff');
    const none = engine.decide({ siteId, message: 'Gibt es eine Android-App für Quantencomputer?', history: [], agentName: 'Kai', offeredHandoff: false, language: 'de' });
    expect(none).toMatchObject({ action: 'offer_handoff', sources: [] });
    expect(none.reply).toMatch(/^Das tut mir leid/);
  });
});

describe('security incidents, however they are worded, are categorised security (so site rules hand them to a person)', () => {
  it.each([
    'someone got into our account and changed the bank details',
    'someone is logging into my account, not me',
    'our payout details were changed by someone we dont know',
    'i got a weird login alert from russia',
    'my password was stolen',
    'Unser Konto wurde gehackt',
    'Nous avons subi une fuite de données',
    'Alguien entró en nuestra cuenta sin permiso',
    'Houve um acesso não autorizado à nossa conta',
    'تم اختراق حسابنا',
  ])('%s', (text) => {
    expect(triageOffline(text)).toMatchObject({ category: 'security', urgency: 'high' });
  });

  it.each(['How do I run a phishing simulation for my team?', 'Would you notify us within 72 hours if a breach affected our data?'])('but not %s', (text) => {
    expect(triageOffline(text).urgency).not.toBe('high');
  });
});
