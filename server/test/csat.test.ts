/**
 * CSAT and transcripts: a solved ticket's customer is asked once ("How did we do?"), by mail for an email ticket
 * (a link's GET records nothing; the page's form POST does) and in the messenger or portal otherwise; one
 * answer per ticket, never for withdrawn tickets or sites that turned it off; the answer raises
 * `csat.submitted` and shows on the ticket. Agents download a transcript without internal notes; a visitor has
 * theirs mailed, a few times an hour at most.
 */
import { describe, expect, it } from 'vitest';
import type { DomainEventMap } from '../src/events';
import type { CsatAnswer, TicketReach } from '../../shared/reach';
import { api, widgetSession } from './harness';
import { agentView, openEmailTestbed, sendMail, postForm, visitorApi, emailTestbedEachTest, handedOffVisitor } from './email-helpers';

const clock = { now: new Date('2026-01-13T10:00:00Z') };
const slot = emailTestbedEachTest();
const view = agentView(() => slot.bed!);


const setStatus = (id: string, status: string) => api(slot.bed!.server, 'PATCH', `/api/tickets/${id}`, { cookie: slot.bed!.cookie, body: { status } });
const reachOf = async (id: string) => (await api<TicketReach>(slot.bed!.server, 'GET', `/api/tickets/${id}/reach`, { cookie: slot.bed!.cookie })).body;

const chatTicket = () => handedOffVisitor(slot, 'The invoice export is broken');

describe('CSAT by email', () => {
  it('asks once when solved; opening a link records nothing, the form does; a second answer is refused', async () => {
    slot.bed = await openEmailTestbed(clock);
    const submitted: DomainEventMap['csat.submitted'][] = [];
    slot.bed.server.app.frontdesk.events.on('csat.submitted', (e) => submitted.push(e));
    await sendMail(slot.bed.server.smtpPort, { from: 'Jane <jane@contoso.example>', subject: 'Export fails', text: 'The export fails.', messageId: '<c1@contoso.example>' });
    const [t] = await view.tickets();
    expect((await setStatus(t!.id, 'solved')).status).toBe(200);
    await slot.bed.server.deliver();
    const ask = await slot.bed.sink.waitFor((m) => (m.parsed.text ?? '').includes('How did we do?'));
    expect(ask.parsed.subject).toBe('Re: [#1001] Export fails');
    expect(ask.parsed.inReplyTo).toBe('<c1@contoso.example>');
    // Reopened and solved again: not asked twice.
    await setStatus(t!.id, 'open');
    await setStatus(t!.id, 'solved');
    await slot.bed.server.deliver();
    expect(slot.bed.sink.mails.filter((m) => (m.parsed.text ?? '').includes('How did we do?'))).toHaveLength(1);

    const link = new URL(/https?:\/\/\S+\/csat\?token=\S+rating=4/.exec(ask.parsed.text ?? '')![0]);
    const opened = await fetch(`${slot.bed.server.url}/csat${link.search}`);
    expect(opened.status).toBe(200);
    const html = await opened.text();
    expect(html).toContain('How did we do?');
    expect(html).toMatch(/value="4" checked/);
    expect((await reachOf(t!.id)).csat.answer).toBeNull();
    expect((await fetch(`${slot.bed.server.url}/csat?token=forged.x&rating=4`)).status).toBe(400);

    const token = link.searchParams.get('token')!;
    expect((await postForm(slot.bed!.server, '/csat', { token, rating: '9' })).status).toBe(400);
    const sent = await postForm(slot.bed!.server, '/csat', { token, rating: '4', comment: '<b>Quick</b> and kind' });
    expect(sent.status).toBe(200);
    expect((await postForm(slot.bed!.server, '/csat', { token, rating: '1' })).status).toBe(409);
    const reach = await reachOf(t!.id);
    expect(reach.csat.answer).toMatchObject({ rating: 4, comment: '<b>Quick</b> and kind', answeredVia: 'email' });
    expect(reach.csat.askedAt).not.toBeNull();
    expect(submitted).toEqual([{ ticketId: t!.id, ticketNumber: 1001, siteId: expect.any(String), rating: 4, comment: '<b>Quick</b> and kind', answeredVia: 'email' }]);
    expect((await view.get(t!.id)).events.some((e) => e.type === 'csat_submitted')).toBe(true);
  });
});

describe('CSAT in the messenger', () => {
  it('the visitor rates their solved chat once; another visitor cannot; an open ticket cannot be rated', async () => {
    slot.bed = await openEmailTestbed(clock);
    const { token, ticketId } = await chatTicket();
    const other = await widgetSession(slot.bed.server);
    expect((await visitorApi(slot.bed!.server, token, 'POST', `/api/me/requests/${ticketId}/csat`, { rating: 5 })).status).toBe(409);
    await setStatus(ticketId, 'solved');
    const asked = await visitorApi<{ askedAt: string | null; answer: CsatAnswer | null }>(slot.bed!.server, token, 'GET', `/api/me/requests/${ticketId}/csat`);
    expect(asked.body).toEqual({ askedAt: '2026-01-13T10:00:00.000Z', answer: null });
    expect((await visitorApi(slot.bed!.server, other.token, 'POST', `/api/me/requests/${ticketId}/csat`, { rating: 5 })).status).toBe(404);
    expect((await visitorApi(slot.bed!.server, token, 'POST', `/api/me/requests/${ticketId}/csat`, { rating: 0 })).status).toBe(400);
    const answered = await visitorApi<CsatAnswer>(slot.bed!.server, token, 'POST', `/api/me/requests/${ticketId}/csat`, { rating: 5, comment: 'Thanks!' });
    expect(answered.status).toBe(201);
    expect(answered.body).toMatchObject({ rating: 5, comment: 'Thanks!', answeredVia: 'chat' });
    expect((await visitorApi(slot.bed!.server, token, 'POST', `/api/me/requests/${ticketId}/csat`, { rating: 1 })).status).toBe(409);
    // No mail for a chat ticket's question.
    await slot.bed.server.deliver();
    expect(slot.bed.sink.mails).toHaveLength(0);
  });

  it('is not asked where the site turned it off, nor for a withdrawn ticket', async () => {
    slot.bed = await openEmailTestbed(clock);
    const { token, ticketId } = await chatTicket();
    await slot.bed.server.app.db.updateTable('sites').set({ settings: JSON.stringify({ csat: { enabled: false } }) }).execute();
    await setStatus(ticketId, 'solved');
    expect((await visitorApi(slot.bed!.server, token, 'GET', `/api/me/requests/${ticketId}/csat`)).body).toEqual({ askedAt: null, answer: null });
    expect((await visitorApi(slot.bed!.server, token, 'POST', `/api/me/requests/${ticketId}/csat`, { rating: 5 })).status).toBe(403);
    await slot.bed.server.app.db.updateTable('sites').set({ settings: '{}' }).execute();
    expect((await visitorApi(slot.bed!.server, token, 'DELETE', `/api/me/requests/${ticketId}`)).status).toBe(204);
    expect((await visitorApi(slot.bed!.server, token, 'POST', `/api/me/requests/${ticketId}/csat`, { rating: 5 })).status).toBe(404);
  });
});

describe('transcripts', () => {
  it('agents download the conversation as text without internal notes; the visitor has it mailed, rate-limited', async () => {
    slot.bed = await openEmailTestbed(clock);
    const { token, ticketId } = await chatTicket();
    await api(slot.bed.server, 'POST', `/api/tickets/${ticketId}/messages`, { cookie: slot.bed.cookie, body: { body: 'Secret: customer is on the legacy plan', internal: true } });
    await api(slot.bed.server, 'POST', `/api/tickets/${ticketId}/messages`, { cookie: slot.bed.cookie, body: { body: 'We are on it.' } });
    const res = await fetch(`${slot.bed.server.url}/api/tickets/${ticketId}/transcript.txt`, { headers: { cookie: slot.bed.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="request-1001.txt"');
    const text = await res.text();
    expect(text).toContain('request #1001');
    expect(text).toContain('The invoice export is broken');
    expect(text).toContain('We are on it.');
    expect(text).not.toContain('legacy plan');
    expect((await api(slot.bed.server, 'GET', '/api/tickets/nope/transcript.txt', { cookie: slot.bed.cookie })).status).toBe(404);

    // A verified-by-confirmation address gets it; three an hour at most.
    await visitorApi(slot.bed!.server, token, 'POST', '/api/widget/reach/email', { email: 'ada@example.net' });
    await slot.bed.server.deliver();
    const confirmation = await slot.bed.sink.waitFor((m) => m.to.includes('ada@example.net'));
    const link = new URL(/https?:\/\/\S+\/reach\/confirm\?token=\S+/.exec(confirmation.parsed.text ?? '')![0]);
    await postForm(slot.bed!.server, '/reach/confirm', { token: link.searchParams.get('token')! });
    for (let i = 0; i < 3; i++) expect((await visitorApi(slot.bed!.server, token, 'POST', '/api/widget/transcript')).status).toBe(202);
    expect((await visitorApi(slot.bed!.server, token, 'POST', '/api/widget/transcript')).status).toBe(429);
    await slot.bed.server.deliver();
    const mailed = await slot.bed.sink.waitFor((m) => (m.parsed.subject ?? '').includes('Your conversation'));
    expect(mailed.to).toEqual(['ada@example.net']);
    expect(mailed.parsed.text).toContain('We are on it.');
    expect(mailed.parsed.text).not.toContain('legacy plan');
  });
});
