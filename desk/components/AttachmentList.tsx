import type { TicketAttachment } from '../../shared/protocol';
import { englishTexts, useDeskT, type DeskTexts } from '../i18n/i18n';

export interface AttachmentListProps {
  ticketId: string;
  attachments: readonly TicketAttachment[];
}

/** Where an agent downloads a file the customer sent (same origin, session cookie). */
export function attachmentUrl(ticketId: string, attachmentId: string): string {
  return `/api/tickets/${encodeURIComponent(ticketId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** "512 B", "12 KB", "3.4 MB". */
export function formatBytes(bytes: number, t: DeskTexts = englishTexts): string {
  if (bytes < 1024) return t.t('bytes', { n: t.number(bytes) });
  if (bytes < 1024 * 1024) return t.t('kilobytes', { n: t.number(Math.round(bytes / 1024)) });
  return t.t('megabytes', { n: new Intl.NumberFormat(t.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / (1024 * 1024)) });
}

/**
 * Files that came with a message, each a download link with its size; a file the server checked to be an image
 * also shows as a thumbnail. Names are shown as text only.
 */
export function AttachmentList({ ticketId, attachments }: AttachmentListProps) {
  const t = useDeskT();
  if (!attachments.length) return null;
  return (
    <ul class="attachments" aria-label={t.t('attachments')}>
      {attachments.map((a) => (
        <li key={a.id} class="attachments__item">
          {a.image && (
            <a href={attachmentUrl(ticketId, a.id)} target="_blank" rel="noopener noreferrer">
              <img class="attachments__thumb" src={attachmentUrl(ticketId, a.id)} alt={a.filename} loading="lazy" />
            </a>
          )}
          <a href={attachmentUrl(ticketId, a.id)} download={a.filename}>
            {a.filename}
          </a>{' '}
          <span class="attachments__size">{formatBytes(a.size, t)}</span>
        </li>
      ))}
    </ul>
  );
}
