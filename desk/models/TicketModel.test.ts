import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { detail, message } from '../test/fixtures';
import { TicketModel, canHandBack, kaiAnswers, mergeMessages } from './TicketModel';

function setup(overrides: Parameters<typeof detail>[0] = {}) {
  const d = detail({ id: 't1', ...overrides });
  const api = {
    getTicket: vi.fn(async () => d),
    updateTicket: vi.fn(async () => d),
    postMessage: vi.fn(),
    handBack: vi.fn(async () => ({ ...d, conversationMode: 'ai' as const })),
  };
  const model = new TicketModel(api, 't1');
  return { api, model, detail: d };
}

describe('TicketModel', () => {
  afterEach(() => vi.useRealTimers());

  it('loads the ticket and its messages ordered by seq', async () => {
    const { model } = setup({ messages: [message({ id: 'b', seq: 2 }), message({ id: 'a', seq: 1 })] });
    await model.load();
    expect(model.detail.value?.id).toBe('t1');
    expect(model.messages.value.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('dedupes a reply delivered by both the POST response and the socket (socket first)', async () => {
    const { model, api } = setup();
    await model.load();
    const reply = message({ id: 'r1', seq: 5, author: { kind: 'agent', name: 'Grace' }, body: 'On it' });
    api.postMessage.mockImplementation(async () => {
      model.applyMessage(reply); // the socket echo beats the HTTP answer
      return reply;
    });
    await expect(model.reply('On it', false)).resolves.toBe(true);
    expect(model.messages.value.filter((m) => m.id === 'r1')).toHaveLength(1);
  });

  it('dedupes a reply delivered by both the POST response and the socket (POST first)', async () => {
    const { model, api } = setup();
    await model.load();
    const reply = message({ id: 'r1', seq: 5, author: { kind: 'agent', name: 'Grace' } });
    api.postMessage.mockResolvedValue(reply);
    await model.reply('hello', false);
    model.applyMessage(reply);
    expect(model.messages.value.map((m) => m.id)).toEqual(['r1']);
  });

  it('sends body, internal flag and a client id', async () => {
    const { model, api } = setup();
    api.postMessage.mockResolvedValue(message({ internal: true }));
    await model.reply('  note text \n', true);
    expect(api.postMessage).toHaveBeenCalledWith('t1', { body: 'note text', internal: true, clientId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });
  });

  it('retries a failed send with the same client id (no double post)', async () => {
    const { model, api } = setup();
    api.postMessage.mockRejectedValueOnce(new ApiError(0, 'network_error', 'offline'));
    await expect(model.reply('hi', false)).resolves.toBe(false);
    expect(model.actionError.value).toBe('offline');
    api.postMessage.mockResolvedValueOnce(message());
    await model.reply('hi', false);
    const [first, second] = api.postMessage.mock.calls.map((c) => (c as unknown[])[1] as { clientId: string });
    expect(second?.clientId).toBe(first?.clientId);
    expect(model.actionError.value).toBeNull();
  });

  it('merges live messages with a later load and keeps seq order', async () => {
    const { model, api } = setup();
    model.applyMessage(message({ id: 'live', seq: 3 }));
    api.getTicket.mockResolvedValue(detail({ id: 't1', messages: [message({ id: 'one', seq: 1 }), message({ id: 'live', seq: 3 })] }));
    await model.load();
    expect(model.messages.value.map((m) => m.id)).toEqual(['one', 'live']);
  });

  it('changes status with PATCH and shows the answer', async () => {
    const { model, api } = setup();
    await model.load();
    api.updateTicket.mockResolvedValue(detail({ id: 't1', status: 'solved' }));
    await expect(model.setStatus('solved')).resolves.toBe(true);
    expect(api.updateTicket).toHaveBeenCalledWith('t1', { status: 'solved', ifUpdatedAt: '2025-03-03T09:00:00.000Z' });
    expect(model.detail.value?.status).toBe('solved');
  });

  it('reports a refused status change', async () => {
    const { model, api } = setup();
    await model.load();
    api.updateTicket.mockRejectedValue(new ApiError(409, 'invalid_transition', 'Cannot go from closed to new'));
    await expect(model.setStatus('new')).resolves.toBe(false);
    expect(model.actionError.value).toBe('Cannot go from closed to new');
  });

  it('applies a newer ticket:updated summary and refetches the detail', async () => {
    vi.useFakeTimers();
    const { model, api } = setup();
    await model.load();
    model.applySummary({ ...detail({ id: 't1' }), status: 'open', updatedAt: '2025-03-03T10:00:00Z' });
    expect(model.detail.value?.status).toBe('open');
    await vi.advanceTimersByTimeAsync(500);
    expect(api.getTicket).toHaveBeenCalledTimes(2);
  });

  it('tracks the customer typing and clears it on their message or after a while', () => {
    vi.useFakeTimers();
    const { model } = setup();
    const author = { kind: 'customer' as const, name: 'Ada' };
    model.applyTyping({ ticketId: 't1', conversationId: 'c1', author, typing: true });
    model.applyTyping({ ticketId: 't1', conversationId: 'c1', author: { kind: 'agent', name: 'Grace' }, typing: true });
    expect(model.typing.value).toEqual(['Ada']);
    model.applyMessage(message({ author }));
    expect(model.typing.value).toEqual([]);
    model.applyTyping({ ticketId: 't1', conversationId: 'c1', author, typing: true });
    vi.advanceTimersByTime(11_000);
    expect(model.typing.value).toEqual([]);
  });

  it('mergeMessages lets the later copy of a message win', () => {
    const a = message({ id: 'a', seq: 1, body: 'old' });
    expect(mergeMessages([a], [{ ...a, body: 'new' }]).map((m) => m.body)).toEqual(['new']);
  });
});

describe('TicketModel: hand back to Kai', () => {
  it('offers the handback only for a chat that is with the team', () => {
    expect(canHandBack(detail({ channel: 'chat', conversationMode: 'waiting' }))).toBe(true);
    expect(canHandBack(detail({ channel: 'chat', conversationMode: 'human' }))).toBe(true);
    expect(canHandBack(detail({ channel: 'chat', conversationMode: 'ai' }))).toBe(false);
    expect(canHandBack(detail({ channel: 'chat', conversationMode: 'closed' }))).toBe(false);
    expect(canHandBack(detail({ channel: 'chat', conversationMode: null }))).toBe(false);
    expect(canHandBack(detail({ channel: 'email', conversationMode: 'human' }))).toBe(false);
    expect(kaiAnswers(detail({ channel: 'chat', conversationMode: 'ai' }))).toBe(true);
    expect(kaiAnswers(detail({ channel: 'phone', conversationMode: 'ai' }))).toBe(false);
  });

  it('posts the handback with an optional reason and takes the ticket it answers', async () => {
    const { model, api } = setup({ channel: 'chat', conversationMode: 'human' });
    await model.load();
    expect(await model.handBack('  Simple password question  ')).toBe(true);
    expect(api.handBack).toHaveBeenCalledWith('t1', { reason: 'Simple password question' });
    expect(model.detail.value?.conversationMode).toBe('ai');
    // Kai has it now: a second handback is not sent.
    expect(await model.handBack()).toBe(false);
    expect(api.handBack).toHaveBeenCalledTimes(1);
  });

  it('sends no reason when none is given, and shows the server\'s refusal', async () => {
    const { model, api } = setup({ channel: 'chat', conversationMode: 'waiting' });
    await model.load();
    api.handBack.mockRejectedValueOnce(new ApiError(409, 'conflict', 'The conversation is closed'));
    expect(await model.handBack()).toBe(false);
    expect(api.handBack).toHaveBeenCalledWith('t1', {});
    expect(model.actionError.value).toBe('The conversation is closed');
    expect(model.detail.value?.conversationMode).toBe('waiting');
  });

  it('does not call the server for a ticket that is not a chat with the team', async () => {
    const { model, api } = setup({ channel: 'email', conversationMode: null });
    await model.load();
    expect(await model.handBack()).toBe(false);
    expect(api.handBack).not.toHaveBeenCalled();
  });
});

describe('TicketModel collisions', () => {
  it('shows the current ticket and what changed when someone else saved it first', async () => {
    const { model, api } = setup();
    await model.load();
    const current = detail({ id: 't1', status: 'pending', updatedAt: '2025-03-03T09:05:00.000Z' });
    api.updateTicket.mockRejectedValue(new ApiError(409, 'conflict', 'Someone else changed this ticket', current));
    await expect(model.setStatus('solved')).resolves.toBe(false);
    expect(model.detail.value?.status).toBe('pending');
    expect(model.actionError.value).toMatch(/Someone else changed this ticket meanwhile \(Status is now Pending\)/);
  });

  it('keeps a reply refused because someone else wrote first, and sends it anyway on request', async () => {
    const { model, api } = setup({ messages: [message({ id: 'm1', seq: 1 })] });
    await model.load();
    const theirs = message({ id: 'm9', seq: 9, author: { kind: 'agent', name: 'Sam' }, body: 'I am on it' });
    api.postMessage.mockRejectedValueOnce(new ApiError(409, 'conflict', 'A new message was written', { messages: [theirs] }));
    await expect(model.reply('Hello', false)).resolves.toBe(false);
    expect(api.postMessage).toHaveBeenLastCalledWith('t1', expect.objectContaining({ ifLastMessageId: 'm1' }));
    expect(model.staleReply.value).toMatchObject({ body: 'Hello', messages: [{ body: 'I am on it' }] });
    api.postMessage.mockResolvedValueOnce(message({ id: 'm10', seq: 10 }));
    await expect(model.reply('Hello', false, { anyway: true })).resolves.toBe(true);
    expect(api.postMessage).toHaveBeenLastCalledWith('t1', expect.not.objectContaining({ ifLastMessageId: expect.anything() }));
    expect(model.staleReply.value).toBeNull();
  });
});
