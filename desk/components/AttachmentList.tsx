import type { TicketAttachment } from '../../shared/protocol';

export interface AttachmentListProps {
  ticketId: string;
  attachments: readonly TicketAttachment[];
}

/** Where an agent downloads a file the customer sent (same origin, session cookie). */
export function attachmentUrl(ticketId: string, attachmentId: string): string {
  return `/api/tickets/${encodeURIComponent(ticketId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** "512 B", "12 KB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Files that came with a message, each a download link with its size; a file the server checked to be an image
 * also shows as a thumbnail. Names are shown as text only.
 */
export function AttachmentList({ ticketId, attachments }: AttachmentListProps) {
  if (!attachments.length) return null;
  return (
    <ul class="attachments" aria-label="Attachments">
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
          <span class="attachments__size">{formatBytes(a.size)}</span>
        </li>
      ))}
    </ul>
  );
}
