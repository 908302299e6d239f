import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { message } from '../test-support/fake-socket';
import { MessageLog, type MessageLogProps } from './MessageLog';

const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'] as const;

function renderLog(props: Partial<MessageLogProps>) {
  return render(
    <MessageLog messages={[]} outbox={[]} streams={[]} greeting={null} agentName="Kai" typing={[]} connected onEdit={() => {}} {...props} />,
  );
}

afterEach(cleanup);

describe('MessageLog', () => {
  it('is a polite log', () => {
    renderLog({});
    const log = screen.getByRole('log');
    expect(log.getAttribute('aria-live')).toBe('polite');
  });

  it('renders hostile bodies, names and sources as inert text', () => {
    const { container } = renderLog({
      messages: [
        message({ seq: 1, author: { kind: 'customer', name: 'Visitor' }, body: HOSTILE[0] }),
        message({
          seq: 2,
          author: { kind: 'ai', name: '<img src=x onerror=alert(2)>' },
          body: HOSTILE[1],
          sources: [
            { id: 's1', title: '<b>Reset</b> your password', url: 'javascript:alert(1)' },
            { id: 's2', title: 'Data URL', url: 'data:text/html,<script>alert(1)</script>' },
            { id: 's3', title: 'Support hours', url: 'https://help.example/hours' },
            { id: 's4', title: 'Plans', url: '/help/change-plan' },
            { id: 's5', title: 'Sneaky', url: ' javascript:alert(1)' },
          ],
        }),
        message({ seq: 3, author: { kind: 'agent', name: 'Sam' }, body: HOSTILE[0] }),
      ],
      outbox: [{ clientId: 'client-0001', body: HOSTILE[1], createdAt: '2025-01-06T10:00:00Z' }],
    });
    expect(container.querySelector('script, img, b')).toBeNull();
    expect(screen.getAllByText(HOSTILE[0])).toHaveLength(2);
    expect(screen.getAllByText(HOSTILE[1])).toHaveLength(2);
    expect(screen.getByText('<img src=x onerror=alert(2)>')).toBeTruthy();
    for (const a of container.querySelectorAll('a')) {
      expect(a.getAttribute('href')).toMatch(/^(https?:|\/)/);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(container.querySelectorAll('[href^="javascript:" i], [href^="data:" i]')).toHaveLength(0);
    expect(screen.getByText('<b>Reset</b> your password').tagName).toBe('SPAN');
    expect(screen.getByRole('link', { name: 'Support hours' }).getAttribute('href')).toBe('https://help.example/hours');
    expect(screen.getByRole('link', { name: 'Plans' }).getAttribute('href')).toBe('/help/change-plan');
    expect(screen.queryByRole('link', { name: 'Sneaky' })).toBeNull();
  });

  it('tells authors apart: You, Kai, an agent, the system', () => {
    renderLog({
      messages: [
        message({ seq: 1, author: { kind: 'customer', name: 'Visitor' }, body: 'hi' }),
        message({ seq: 2, author: { kind: 'ai', name: 'Kai' }, body: 'hello' }),
        message({ seq: 3, author: { kind: 'agent', name: 'Sam Agent' }, body: 'Sam here' }),
        message({ seq: 4, author: { kind: 'system', name: 'Frontdesk' }, body: 'Sam joined' }),
      ],
    });
    const items = within(screen.getByRole('log')).getAllByRole('listitem');
    expect(items.map((li) => li.className)).toEqual(['fd-msg fd-msg--customer', 'fd-msg fd-msg--ai', 'fd-msg fd-msg--agent', 'fd-msg fd-msg--system']);
    expect(within(items[0]!).getByText('You')).toBeTruthy();
    expect(within(items[1]!).getByText('Kai')).toBeTruthy();
    expect(within(items[2]!).getByText('Sam Agent')).toBeTruthy();
  });

  it('keeps newlines in bodies for pre-wrap', () => {
    renderLog({ messages: [message({ seq: 1, body: 'line one\nline two' })] });
    expect(screen.getByText((_, el) => el?.textContent === 'line one\nline two' && el.tagName === 'P')).toBeTruthy();
  });

  it('shows the greeting while empty, pending state, and who is typing', () => {
    const onEdit = vi.fn();
    const { rerender } = renderLog({ greeting: 'Hi! Ask me anything.' });
    expect(screen.getByText('Hi! Ask me anything.')).toBeTruthy();
    rerender(
      <MessageLog
        messages={[]}
        streams={[]}
        outbox={[
          { clientId: 'client-0001', body: 'queued', createdAt: '2025-01-06T10:00:00Z' },
          { clientId: 'client-0002', body: 'too long', createdAt: '2025-01-06T10:00:00Z', error: 'Message is too long' },
        ]}
        greeting="Hi! Ask me anything."
        agentName="Kai"
        typing={[{ kind: 'ai', name: 'Kai' }]}
        connected={false}
        onEdit={onEdit}
      />,
    );
    expect(screen.queryByText('Hi! Ask me anything.')).toBeNull();
    expect(screen.getByText('Waiting for connection')).toBeTruthy();
    expect(screen.getByText('Message is too long', { exact: false })).toBeTruthy();
    expect(screen.getByText('Kai is typing…')).toBeTruthy();
    screen.getByRole('button', { name: 'Edit' }).click();
    expect(onEdit).toHaveBeenCalledWith('client-0002');
  });
});

describe('MessageLog: a streamed reply', () => {
  const kai = { kind: 'ai', name: 'Kai' } as const;

  it('shows the reply in progress as text, with the author, busy, and no typing line', () => {
    const { container } = renderLog({
      messages: [message({ seq: 1, author: { kind: 'customer', name: 'Visitor' }, body: 'hi' })],
      streams: [{ streamId: 's1', conversationId: 'c1', author: kai, body: `Here is how ${HOSTILE[1]}` }],
      greeting: 'Hello!',
    });
    expect(container.querySelector('img')).toBeNull();
    const bubble = screen.getByText(`Here is how ${HOSTILE[1]}`).closest('li')!;
    expect(bubble.getAttribute('aria-busy')).toBe('true');
    expect(bubble.className).toBe('fd-msg fd-msg--ai fd-msg--streaming');
    expect(within(bubble).getByText('Kai').className).toBe('fd-msg__author');
    expect(screen.queryByText('Hello!')).toBeNull();
    expect(screen.queryByText(/typing/)).toBeNull();
  });
});

