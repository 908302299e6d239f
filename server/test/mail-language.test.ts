/**
 * The mail a customer gets speaks their language, over real SMTP: a visitor whose messenger speaks German gets
 * the email confirmation, the unseen agent reply and the transcript in German; an email ticket on a site whose
 * default language is French gets the reply footer and the CSAT question in French; the portal's sign-in link
 * comes in the portal page's language, else the site's. English stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { api } from './harness';
import { agentView, openEmailTestbed, sendMail, postForm, visitorApi, emailTestbedEachTest, handedOffVisitor } from './email-helpers';

const clock = { now: new Date('2026-01-13T10:00:00Z') };
const slot = emailTestbedEachTest();
const view = agentView(() => slot.bed!);

describe('mail in the customer’s language', () => {
  it('a German visitor: the confirmation, the unseen reply and the transcript in German', async () => {
    slot.bed = await openEmailTestbed(clock);
    const { token, ticketId, socket } = await handedOffVisitor(slot, 'Der Export geht nicht', { language: 'de-DE' });

    expect((await visitorApi(slot.bed!.server, token, 'POST', '/api/widget/reach/email', { email: 'ada@example.net' })).status).toBe(201);
    await slot.bed.server.deliver();
    const confirmation = await slot.bed.sink.waitFor((m) => m.to.includes('ada@example.net'));
    expect(confirmation.parsed.subject).toBe('Re: [#1001] Bitte bestätigen Sie Ihre E-Mail-Adresse');
    expect(confirmation.parsed.text).toMatch(/^Hallo,\n\nJemand hat diese Adresse im Chat auf .+ zur Anfrage #1001 angegeben/);
    expect(confirmation.parsed.text).toContain('Bis Sie bestätigen, schicken wir nichts anderes an diese Adresse.');
    const link = new URL(/https?:\/\/\S+\/reach\/confirm\?token=\S+/.exec(confirmation.parsed.text ?? '')![0]);
    expect((await postForm(slot.bed!.server, '/reach/confirm', { token: link.searchParams.get('token')! })).status).toBe(200);

    // The visitor leaves; the agent's reply, unseen, is mailed with the German footer.
    socket.disconnect();
    slot.socket = null;
    const reply = await api(slot.bed.server, 'POST', `/api/tickets/${ticketId}/messages`, { cookie: slot.bed.cookie, body: { body: 'Der Export ist repariert.', internal: false } });
    expect(reply.status).toBe(201);
    clock.now = new Date(clock.now.getTime() + 10 * 60_000);
    expect(await slot.bed.server.app.reach.mailUnseen()).toBe(1);
    await slot.bed.server.deliver();
    const mailed = await slot.bed.sink.waitFor((m) => (m.parsed.text ?? '').includes('Der Export ist repariert.'));
    expect(mailed.parsed.text).toContain('Anfrage #1001: Antworten Sie auf diese E-Mail; bitte lassen Sie [#1001] im Betreff stehen.');

    expect((await visitorApi(slot.bed!.server, token, 'POST', '/api/widget/transcript')).status).toBe(202);
    await slot.bed.server.deliver();
    const transcript = await slot.bed.sink.waitFor((m) => (m.parsed.subject ?? '').startsWith('[#1001] Ihre Unterhaltung mit '));
    expect(transcript.parsed.text).toMatch(/-Support: Anfrage #1001\nBetreff: .+\nStatus: (Neu|Offen|Wartet auf Ihre Antwort)\n/);
    expect(transcript.parsed.text).toContain('Der Export geht nicht');
  });

  it('an email ticket on a French site: the reply and the CSAT question in French; an English site’s stay English', async () => {
    slot.bed = await openEmailTestbed(clock);
    expect((await api(slot.bed.server, 'PATCH', '/api/sites/demo', { cookie: slot.bed.cookie, body: { language: 'fr' } })).status).toBe(200);
    await sendMail(slot.bed.server.smtpPort, { from: 'Jeanne <jeanne@contoso.example>', subject: 'Export impossible', text: 'L’export échoue.', messageId: '<f1@contoso.example>' });
    const [ticket] = await view.tickets();
    expect((await api(slot.bed.server, 'POST', `/api/tickets/${ticket!.id}/messages`, { cookie: slot.bed.cookie, body: { body: 'C’est réparé.', internal: false } })).status).toBe(201);
    expect((await api(slot.bed.server, 'PATCH', `/api/tickets/${ticket!.id}`, { cookie: slot.bed.cookie, body: { status: 'solved' } })).status).toBe(200);
    await slot.bed.server.deliver();
    const reply = await slot.bed.sink.waitFor((m) => (m.parsed.text ?? '').includes('C’est réparé.'));
    expect(reply.parsed.text).toContain('Demande n° 1001 : répondez à cet e-mail pour nous écrire ; merci de garder [#1001] dans l’objet.');
    const ask = await slot.bed.sink.waitFor((m) => (m.parsed.text ?? '').includes('Qu’avez-vous pensé de notre aide ?'));
    expect(ask.parsed.text).toMatch(/^Bonjour,\n\nNous avons résolu la demande n° 1001\./);
    expect(ask.parsed.text).toMatch(/4 ★★★★: https?:\/\/\S+\/csat\?token=\S+rating=4/);

    expect((await api(slot.bed.server, 'PATCH', '/api/sites/demo', { cookie: slot.bed.cookie, body: { language: 'en' } })).status).toBe(200);
    await sendMail(slot.bed.server.smtpPort, { from: 'Jane <jane@contoso.example>', subject: 'Export fails', text: 'The export fails.', messageId: '<e1@contoso.example>' });
    const english = (await view.tickets()).find((t) => t.subject === 'Export fails')!;
    await api(slot.bed.server, 'POST', `/api/tickets/${english.id}/messages`, { cookie: slot.bed.cookie, body: { body: 'Fixed now.', internal: false } });
    await slot.bed.server.deliver();
    const englishReply = await slot.bed.sink.waitFor((m) => (m.parsed.text ?? '').includes('Fixed now.'));
    expect(englishReply.parsed.text).toContain(`Request #${english.number}: reply to this email to answer; please keep [#${english.number}] in the subject.`);
  });

  it('the portal’s sign-in link in the page’s language, else the site’s default', async () => {
    slot.bed = await openEmailTestbed(clock);
    expect((await api(slot.bed.server, 'POST', '/api/portal/login-link', { body: { email: 'ana@example.net', language: 'es-ES' } })).status).toBe(202);
    await slot.bed.server.deliver();
    const spanish = await slot.bed.sink.waitFor((m) => m.to.includes('ana@example.net'));
    expect(spanish.parsed.subject).toMatch(/^Tu enlace de acceso a /);
    expect(spanish.parsed.text).toMatch(/^Hola:\n\nAbre este enlace para ver y gestionar tus solicitudes de soporte con .+:\n\nhttps?:\/\/\S+\/portal\/verify\?token=\S+\n\nEl enlace funciona una sola vez, durante 15 minutos\./);

    expect((await api(slot.bed.server, 'PATCH', '/api/sites/demo', { cookie: slot.bed.cookie, body: { language: 'pt' } })).status).toBe(200);
    expect((await api(slot.bed.server, 'POST', '/api/portal/login-link', { body: { email: 'rui@example.net' } })).status).toBe(202);
    expect((await api(slot.bed.server, 'POST', '/api/portal/login-link', { body: { email: 'x@example.net', language: 'x'.repeat(36) } })).status).toBe(400);
    await slot.bed.server.deliver();
    const portuguese = await slot.bed.sink.waitFor((m) => m.to.includes('rui@example.net'));
    expect(portuguese.parsed.subject).toMatch(/^A sua ligação de início de sessão para /);
  });
});
