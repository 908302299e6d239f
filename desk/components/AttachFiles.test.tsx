import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '../test/fixtures';
import { Composer } from './Composer';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const composer = (onSend = vi.fn(async () => true)) => {
  render(<Composer ticketId="t 1" sending={false} onSend={onSend} onTyping={() => undefined} onStopTyping={() => undefined} />);
  return onSend;
};
const pick = (file: File) => fireEvent.change(screen.getByLabelText('Attach file'), { target: { files: [file] } });

describe('attaching files to a reply', () => {
  it('uploads the chosen file to the ticket, lists it, and sends its id with the reply (text optional)', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => json(201, { id: 'f1', filename: 'invoice.pdf', contentType: 'application/pdf', size: 2048, image: false }));
    vi.stubGlobal('fetch', fetchMock);
    const onSend = composer();
    pick(new File(['%PDF-1.4'], 'invoice.pdf', { type: 'application/pdf' }));
    await screen.findByRole('list', { name: 'Files to send' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/tickets/t%201/attachments?filename=invoice.pdf');
    expect(init).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/pdf' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(onSend).toHaveBeenCalledWith('', false, ['f1']));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Files to send' })).toBeNull());
  });

  it('says the server’s reason when a file is refused', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(413, { error: { code: 'payload_too_large', message: 'Files may be at most 10 MB' } })));
    composer();
    pick(new File(['x'], 'big.bin', { type: 'text/plain' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Files may be at most 10 MB');
    expect((screen.getByRole('button', { name: 'Send reply' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
