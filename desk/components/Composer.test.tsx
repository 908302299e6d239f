import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Macro, RenderedMacro } from '../../shared/team';
import { TicketModel } from '../models/TicketModel';
import { detail, message } from '../test/fixtures';
import { Composer } from './Composer';

const MACRO: Macro = { id: 'mac1', title: 'Refund sent', body: 'Hi {{customer.first_name}}', shared: true, ownerId: null, setStatus: 'pending', setUrgency: null, setImpact: null, tags: ['refund', 'billing'], updatedAt: '2025-03-03T09:00:00Z' };

describe('a macro sent from the composer', () => {
  afterEach(cleanup);

  it("sends the reply, then one ticket change with the macro's status and tags (the tag change every tagging uses)", async () => {
    const d = detail({ id: 't1' });
    const api = {
      getTicket: vi.fn(async () => d),
      updateTicket: vi.fn(async () => d),
      postMessage: vi.fn(async () => message({ id: 'r1', seq: 9, author: { kind: 'agent', name: 'Grace' }, body: 'Hi Ada' })),
      handBack: vi.fn(),
    };
    const ticket = new TicketModel(api, 't1');
    await ticket.load();
    const rendered: RenderedMacro = { body: 'Hi Ada', setStatus: 'pending', setUrgency: null, setImpact: null, tags: ['refund', 'billing'] };
    render(
      <Composer
        sending={false}
        // As the ticket pane wires it.
        onSend={(body, internal, attachmentIds, changes) => ticket.reply(body, internal, { attachmentIds, ...(changes ? { changes } : {}) })}
        onTyping={() => {}}
        onStopTyping={() => {}}
        macros={[MACRO]}
        renderMacro={async () => rendered}
      />,
    );
    const box = screen.getByRole('textbox', { name: 'Reply' });
    fireEvent.input(box, { target: { value: '/refund' } });
    fireEvent.mouseDown(await screen.findByRole('option', { name: /Refund sent/ }));
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe('Hi Ada'));
    expect(screen.getByText(/Sending also sets: status Pending, tags refund, billing/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(api.updateTicket).toHaveBeenCalledTimes(1));
    expect(api.postMessage).toHaveBeenCalledTimes(1);
    expect(api.updateTicket).toHaveBeenCalledWith('t1', { status: 'pending', addTags: ['refund', 'billing'], ifUpdatedAt: d.updatedAt });
  });
});
