/**
 * The server's own pages and mails in each language Frontdesk speaks, over real SMTP: an email ticket whose mail
 * says its language (Content-Language) is acknowledged in it, its CSAT question and page follow it, and the
 * sign-in and confirmation pages speak the language their link carries, else the customer's, else the
 * browser's Accept-Language, else the site's default, else English. Arabic pages are right to left; a hostile
 * subject stays text in a translated page.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../shared/language';
import { escapeHtml } from '../../shared/safe-text';
import { textsFor } from '../src/i18n';
import { api } from './harness';
import { agentView, openEmailTestbed, postForm, sendMail, visitorApi, emailTestbedEachTest, handedOffVisitor } from './email-helpers';

const clock = { now: new Date('2026-01-13T10:00:00Z') };
const slot = emailTestbedEachTest();
const view = agentView(() => slot.bed!);


const dirOf = (language: Language) => (language === 'ar' ? 'rtl' : 'ltr');
/** The page's `<html lang dir>`, and its CSP (unchanged by translation). */
async function pageOf(path: string, headers: Record<string, string> = {}): Promise<{ status: number; html: string; lang: string | undefined; dir: string | undefined; csp: string | null }> {
  const res = await fetch(`${slot.bed!.server.url}${path}`, { headers });
  const html = await res.text();
  const root = /<html lang="([^"]*)" dir="([^"]*)">/.exec(html);
  return { status: res.status, html, lang: root?.[1], dir: root?.[2], csp: res.headers.get('content-security-policy') };
}
const linkIn = (text: string | false | undefined, path: string) => new URL(new RegExp(`https?://\\S+${path}\\?token=\\S+`).exec(text || '')![0]);
const setSiteLanguage = async (language: string) => expect((await api(slot.bed!.server, 'PATCH', '/api/sites/demo', { cookie: slot.bed!.cookie, body: { language } })).status).toBe(200);

describe('an email ticket in its own language', () => {
  it.each(LANGUAGES)('%s: the acknowledgement, the CSAT question and its page', async (language) => {
    slot.bed = await openEmailTestbed(clock);
    const t = textsFor(language);
    const subject = `Export <script>alert("${language}")</script> & co`;
    await sendMail(slot.bed.server.smtpPort, { from: 'Ana <ana@contoso.example>', subject, text: 'The export fails.', messageId: `<${language}-1@contoso.example>`, headers: { 'Content-Language': language === 'pt' ? 'pt-BR' : language } });
    await slot.bed.server.deliver();
    const [ticket] = await view.tickets();
    const number = ticket!.number;
    const ack = await slot.bed.sink.waitFor((m) => m.to.includes('ana@contoso.example'));
    const text = ack.parsed.text ?? '';
    expect(ack.parsed.subject).toBe(`[#${number}] Re: ${subject}`);
    expect(text.startsWith(`${t.mail.helloName('Ana')}\n\n${t.mail.received(number)}\n\n`)).toBe(true);
    const site = (await api<{ name: string }>(slot.bed.server, 'GET', '/api/sites/demo', { cookie: slot.bed.cookie })).body;
    expect(text.endsWith(`${t.mail.addMore(number)}\n\n${t.mail.signature(site.name)}\n`)).toBe(true);
    if (language !== 'en') expect(text).not.toContain('Thank you for your email');

    expect((await api(slot.bed.server, 'PATCH', `/api/tickets/${ticket!.id}`, { cookie: slot.bed.cookie, body: { status: 'solved' } })).status).toBe(200);
    await slot.bed.server.deliver();
    const ask = await slot.bed.sink.waitFor((m) => (m.parsed.text ?? '').includes('/csat?token='));
    expect(ask.parsed.text).toContain(`${t.mail.hello}\n\n${t.mail.csatBody(number, '').split('\n\n')[0]}`);
    const link = linkIn(ask.parsed.text, '/csat');
    expect(link.searchParams.get('lang')).toBe(language);

    // Without the link's lang, the ticket's language still wins over the browser's.
    link.searchParams.delete('lang');
    const page = await pageOf(`/csat${link.search}`, { 'accept-language': language === 'de' ? 'fr' : 'de' });
    expect(page.status).toBe(200);
    expect([page.lang, page.dir]).toEqual([language, dirOf(language)]);
    expect(page.html).toContain(`<h1>${escapeHtml(t.pages.csat.title)}</h1>`);
    expect(page.html).toContain(escapeHtml(t.pages.csat.send));
    expect(page.csp).toBe("default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    // The customer's subject is there, as text: no element of theirs.
    expect(page.html).toContain(escapeHtml(t.pages.csat.about(number, subject)));
    expect(page.html).not.toMatch(/<script/i);
    expect(page.html).toContain(`<input type="hidden" name="lang" value="${language}">`);

    const sent = await postForm(slot.bed.server, '/csat', { token: link.searchParams.get('token')!, rating: '5', lang: language });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain(`<h1>${escapeHtml(t.pages.csat.thanksHeading)}</h1>`);
    const again = await postForm(slot.bed.server, '/csat', { token: link.searchParams.get('token')!, rating: '1', lang: language });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain(escapeHtml(t.pages.csat.alreadyHeading));
  });

  it('a mail that says nothing gets the site’s default; one in a language we lack, English', async () => {
    slot.bed = await openEmailTestbed(clock);
    await setSiteLanguage('es');
    await sendMail(slot.bed.server.smtpPort, { from: 'Luis <luis@contoso.example>', subject: 'Sin exportar', text: 'No exporta.', messageId: '<es-1@contoso.example>' });
    await sendMail(slot.bed.server.smtpPort, { from: 'Jo <jo@contoso.example>', subject: 'Bonjour', text: 'Ça ne marche pas.', messageId: '<fr-1@contoso.example>', headers: { 'Content-Language': 'ja, fr-CA' } });
    await slot.bed.server.deliver();
    const es = await slot.bed.sink.waitFor((m) => m.to.includes('luis@contoso.example'));
    expect(es.parsed.text).toMatch(/^Hola, Luis:\n\nGracias por tu correo\. Lo hemos recibido como la solicitud n\.º \d+\./);
    const fr = await slot.bed.sink.waitFor((m) => m.to.includes('jo@contoso.example'));
    expect(fr.parsed.text).toMatch(/^Bonjour Jo,\n\nMerci pour votre e-mail\./);
    // A site default Frontdesk does not speak: English.
    await setSiteLanguage('ja');
    await sendMail(slot.bed.server.smtpPort, { from: 'Ken <ken@contoso.example>', subject: 'Export', text: 'Broken.', messageId: '<ja-1@contoso.example>', headers: { 'Content-Language': 'ja' } });
    await slot.bed.server.deliver();
    const en = await slot.bed.sink.waitFor((m) => m.to.includes('ken@contoso.example'));
    expect(en.parsed.text).toMatch(/^Hello Ken,\n\nThank you for your email\. We have received it as request #\d+\./);
  });

  it('a ticket the API creates keeps the language it was given: the reply mail speaks it', async () => {
    slot.bed = await openEmailTestbed(clock);
    const created = await api<{ id: string; number: number }>(slot.bed.server, 'POST', '/api/tickets', {
      cookie: slot.bed.cookie,
      body: { subject: 'Rechnung', description: 'Die Rechnung fehlt.', channel: 'email', requester: { email: 'eva@example.net' }, urgency: 'low', impact: 'low', language: 'de-AT' },
    });
    expect(created.status).toBe(201);
    expect((await api(slot.bed.server, 'POST', '/api/tickets', { cookie: slot.bed.cookie, body: { subject: 'x', description: 'y', channel: 'api', language: 'x'.repeat(36) } })).status).toBe(400);
    const { number } = created.body;
    expect((await api(slot.bed.server, 'POST', `/api/tickets/${created.body.id}/messages`, { cookie: slot.bed.cookie, body: { body: 'Sie ist unterwegs.', internal: false } })).status).toBe(201);
    await slot.bed.server.deliver();
    const reply = await slot.bed.sink.waitFor((m) => (m.parsed.text ?? '').includes('Sie ist unterwegs.'));
    expect(reply.parsed.text).toContain(textsFor('de').mail.replyFooter(number));
  });

  it('names the files it could not keep, and why, in the mail’s language', async () => {
    slot.bed = await openEmailTestbed(clock);
    const de = textsFor('de').mail;
    const attachments = Array.from({ length: 11 }, (_, i) => ({ filename: `scan-${i + 1}.txt`, content: `page ${i + 1}` }));
    await sendMail(slot.bed.server.smtpPort, { from: 'Jan <jan@contoso.example>', subject: 'Scans', text: 'Anbei die Scans.', messageId: '<de-files@contoso.example>', headers: { 'Content-Language': 'de-DE' }, attachments });
    await slot.bed.server.deliver();
    const ack = await slot.bed.sink.waitFor((m) => m.to.includes('jan@contoso.example'));
    expect(ack.parsed.text).toContain(de.notKept(1, `- scan-11.txt: ${de.tooMany(10)}`));
    expect(ack.parsed.text).not.toContain('over the limit');
  });
});

describe('the sign-in page (/portal/verify)', () => {
  it.each(LANGUAGES)('%s by ?lang=, with its answer page in the same language', async (language) => {
    slot.bed = await openEmailTestbed(clock);
    const t = textsFor(language).pages;
    const page = await pageOf(`/portal/verify?token=abc&lang=${language}`, { 'accept-language': 'de' });
    expect([page.lang, page.dir]).toEqual([language, dirOf(language)]);
    expect(page.html).toContain(`<h1>${escapeHtml(t.signIn.heading)}</h1>`);
    expect(page.html).toContain(`<button type="submit">${escapeHtml(t.signIn.button)}</button>`);
    expect(page.csp).toContain("default-src 'none'");
    const refused = await postForm(slot.bed.server, '/portal/verify', { token: 'not-a-token', lang: language });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain(`<html lang="${language}" dir="${dirOf(language)}">`);
    expect(html).toContain(escapeHtml(t.signInProblem.unknown));
    // Back to the portal in the same language (`?lang=` only where the portal would not choose it itself).
    expect(html).toContain(`<a href="${language === 'en' ? '/portal' : `/portal?lang=${language}`}">${escapeHtml(t.signInProblem.again)}</a>`);
  });

  it('without ?lang=: Accept-Language by its weights, else the site’s default, else English', async () => {
    slot.bed = await openEmailTestbed(clock);
    expect((await pageOf('/portal/verify?token=abc', { 'accept-language': 'ja, fr-CH;q=0.9, de;q=0.5' })).lang).toBe('fr');
    expect((await pageOf('/portal/verify?token=abc', { 'accept-language': 'de;q=0.4, es;q=0.8, fr;q=0' })).lang).toBe('es');
    expect((await pageOf('/portal/verify?token=abc&lang=zz', { 'accept-language': 'ja' })).lang).toBe('en');

    // A real link: its site's default decides when neither the link nor the browser does.
    await setSiteLanguage('pt');
    expect((await api(slot.bed.server, 'POST', '/api/portal/login-link', { body: { email: 'rui@example.net' } })).status).toBe(202);
    await slot.bed.server.deliver();
    const mail = await slot.bed.sink.waitFor((m) => m.to.includes('rui@example.net'));
    const link = linkIn(mail.parsed.text, '/portal/verify');
    expect(link.searchParams.get('lang')).toBe('pt');
    const token = link.searchParams.get('token')!;
    const page = await pageOf(`/portal/verify?token=${encodeURIComponent(token)}&lang=xx`, { 'accept-language': 'ja' });
    expect(page.lang).toBe('pt');
    expect(page.html).toContain(escapeHtml(textsFor('pt').pages.signIn.heading));
    await setSiteLanguage('ja');
    expect((await pageOf(`/portal/verify?token=${encodeURIComponent(token)}`, { 'accept-language': 'ja' })).lang).toBe('en');
  });

  it('opens the portal in the language the customer signed in in: ?lang= when their browser would choose another', async () => {
    slot.bed = await openEmailTestbed(clock);
    const signIn = async (email: string, fields: Record<string, string>, acceptLanguage: string) => {
      expect((await api(slot.bed!.server, 'POST', '/api/portal/login-link', { body: { email, language: 'de' } })).status).toBe(202);
      await slot.bed!.server.deliver();
      const token = linkIn((await slot.bed!.sink.waitFor((m) => m.to.includes(email))).parsed.text, '/portal/verify').searchParams.get('token')!;
      const res = await fetch(`${slot.bed!.server.url}/portal/verify`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: slot.bed!.server.url, 'accept-language': acceptLanguage },
        body: new URLSearchParams({ token, ...fields }).toString(),
      });
      expect(res.status).toBe(303);
      return res.headers.get('location');
    };
    expect(await signIn('ines@example.net', { lang: 'de' }, 'en-GB, en;q=0.8')).toBe('/portal?lang=de');
    expect(await signIn('jonas@example.net', { lang: 'de' }, 'de-DE')).toBe('/portal');
    expect(await signIn('kim@example.net', {}, 'fr')).toBe('/portal');
  });
});

describe('the confirmation page (/reach/confirm)', () => {
  it('speaks the visitor’s language (Arabic, right to left) without ?lang=; ?lang= and the form’s lang win', async () => {
    slot.bed = await openEmailTestbed(clock);
    const session = await handedOffVisitor(slot, 'The export fails', { language: 'ar' });
    expect((await visitorApi(slot.bed.server, session.token, 'POST', '/api/widget/reach/email', { email: 'huda@example.net' })).status).toBe(201);
    await slot.bed.server.deliver();
    const mail = await slot.bed.sink.waitFor((m) => m.to.includes('huda@example.net'));
    const link = linkIn(mail.parsed.text, '/reach/confirm');
    expect(link.searchParams.get('lang')).toBe('ar');
    const token = link.searchParams.get('token')!;
    const ar = textsFor('ar').pages;

    const stored = await pageOf(`/reach/confirm?token=${encodeURIComponent(token)}`, { 'accept-language': 'en-GB' });
    expect([stored.lang, stored.dir]).toEqual(['ar', 'rtl']);
    expect(stored.html).toContain(`<button type="submit">${escapeHtml(ar.confirm.button)}</button>`);
    for (const language of LANGUAGES) {
      const page = await pageOf(`/reach/confirm?token=${encodeURIComponent(token)}&lang=${language}`);
      expect([page.lang, page.dir]).toEqual([language, dirOf(language)]);
      expect(page.html).toContain(`<h1>${escapeHtml(textsFor(language).pages.confirm.title)}</h1>`);
    }
    // An unknown token: the browser's language, else English.
    expect((await pageOf('/reach/confirm?token=nope', { 'accept-language': 'es-MX,es;q=0.9' })).lang).toBe('es');
    expect((await pageOf('/reach/confirm?token=nope', { 'accept-language': 'ja' })).lang).toBe('en');

    const done = await postForm(slot.bed.server, '/reach/confirm', { token, lang: 'ar' });
    expect(done.status).toBe(200);
    const html = await done.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(`<h1>${escapeHtml(ar.confirm.doneHeading)}</h1>`);
    const bad = await postForm(slot.bed.server, '/reach/confirm', { token: 'nope', lang: 'de' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain(escapeHtml(textsFor('de').pages.invalidHeading));
  });
});
