import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_MESSAGE_LENGTH } from '../../../shared/protocol';
import { Composer, MESSAGE_MAX_LENGTH, type ComposerProps } from './Composer';

function setup(props: Partial<ComposerProps> = {}) {
  const draft = signal('');
  const onSend = vi.fn((text: string) => text.trim().length > 0);
  const onEscalate = vi.fn();
  const utils = render(
    <Composer draft={draft} onSend={onSend} onEscalate={onEscalate} canEscalate escalateDisabled={false} focusRequests={0} {...props} />,
  );
  return { ...utils, draft, onSend, onEscalate, textbox: screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement };
}

afterEach(cleanup);

describe('Composer', () => {
  it('has the public accessible names: Message, Send, Talk to a person', () => {
    setup();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Talk to a person' })).toBeTruthy();
  });

  it('sends on Enter and clears, keeps a newline on Shift+Enter', () => {
    const { textbox, draft, onSend } = setup();
    fireEvent.input(textbox, { target: { value: 'Hello' } });
    expect(draft.value).toBe('Hello');
    fireEvent.keyDown(textbox, { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(textbox, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('Hello');
    expect(draft.value).toBe('');
  });

  it('sends with the Send button', () => {
    const { textbox, onSend } = setup();
    fireEvent.input(textbox, { target: { value: 'Via button' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith('Via button');
  });

  it('asks for a person, and hides the button once a person is on it', () => {
    const { onEscalate, rerender, draft, onSend } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Talk to a person' }));
    expect(onEscalate).toHaveBeenCalledTimes(1);
    rerender(<Composer draft={draft} onSend={onSend} onEscalate={onEscalate} canEscalate={false} escalateDisabled={false} focusRequests={0} />);
    expect(screen.queryByRole('button', { name: 'Talk to a person' })).toBeNull();
  });

  it('shows prefilled text and takes focus when asked', () => {
    const { draft, onSend, onEscalate, rerender, textbox } = setup();
    draft.value = 'About my invoice';
    rerender(<Composer draft={draft} onSend={onSend} onEscalate={onEscalate} canEscalate escalateDisabled={false} focusRequests={1} />);
    expect(textbox.value).toBe('About my invoice');
    expect(document.activeElement).toBe(textbox);
  });

  it('limits the length like the server does', () => {
    const { textbox } = setup();
    expect(MESSAGE_MAX_LENGTH).toBe(MAX_MESSAGE_LENGTH);
    expect(textbox.maxLength).toBe(MAX_MESSAGE_LENGTH);
  });
});
