import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { MessageAttachment } from '../../shared/protocol';
import { formatBytes } from './AttachmentList';
import { useDeskT, type DeskTexts } from '../i18n/i18n';

export interface AttachFilesProps {
  ticketId: string;
  files: readonly MessageAttachment[];
  onChange: (files: MessageAttachment[]) => void;
}

/** Uploads one file to the ticket (`POST /api/tickets/:id/attachments`, raw body); the server's message on failure. */
async function upload(ticketId: string, file: File, t: DeskTexts): Promise<MessageAttachment> {
  const res = await fetch(`/api/tickets/${encodeURIComponent(ticketId)}/attachments?filename=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  const body = (await res.json().catch(() => null)) as (MessageAttachment & { error?: { message: string } }) | null;
  if (!res.ok || !body) throw new Error(body?.error?.message ?? t.t('uploadFailed', { status: res.status }));
  return body;
}

/** "Attach file" for a reply: each chosen file is uploaded at once and listed (removable) until the reply is sent. */
export function AttachFiles({ ticketId, files, onChange }: AttachFilesProps) {
  const [busy, setBusy] = useState(false);
  const t = useDeskT();
  const [error, setError] = useState<string | null>(null);
  const onPick = async (e: TargetedEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const picked = [...(input.files ?? [])];
    input.value = '';
    setBusy(true);
    setError(null);
    try {
      const added: MessageAttachment[] = [];
      for (const file of picked) added.push(await upload(ticketId, file, t));
      onChange([...files, ...added]);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="attach">
      <label class="btn btn--ghost attach__pick">
        {busy ? t.t('uploading') : t.t('attachFile')}
        <input type="file" class="sr-only" multiple disabled={busy} onChange={(e) => void onPick(e)} />
      </label>
      {files.length > 0 && (
        <ul class="attach__list" aria-label={t.t('filesToSend')}>
          {files.map((f) => (
            <li key={f.id}>
              {f.filename} <span class="attachments__size">{formatBytes(f.size, t)}</span>{' '}
              <button type="button" class="btn btn--ghost" aria-label={t.t('removeFile', { name: f.filename })} onClick={() => onChange(files.filter((x) => x.id !== f.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p role="alert" class="form-error">{error}</p>}
    </div>
  );
}
