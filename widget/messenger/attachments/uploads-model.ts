/**
 * The visitor's uploads: each picked, pasted or dropped file is checked against the site's limits before a byte
 * is sent (too big, or a type the site does not take: refused here, with the reason), then uploaded to
 * `POST /api/widget/attachments?filename=` (raw body, its media type, `Authorization: Visitor <token>`) with its
 * progress, and sent as a message of its own carrying the upload (`message:send` `attachmentIds`, through the
 * conversation's outbox). The server checks the bytes again; its refusal is shown as it words it.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { MessageAttachment } from '../../../shared/protocol';
import type { Line } from '../../i18n/catalogue';
import { fileSize } from '../../i18n/file-size';
import type { FilesKey } from '../../i18n/files';

export interface Limits {
  maxBytes: number;
  types: string[];
}

/** One file on its way, or refused: `progress` 0..1 while uploading, `error` once refused (said by the tray). */
export interface UploadItem {
  key: number;
  name: string;
  progress: number;
  error: Line<FilesKey> | null;
}

/** Uploads one file; rejects with the server's message (or `null` for no connection). */
export type UploadFn = (file: File, token: string, onProgress: (fraction: number) => void) => Promise<MessageAttachment>;

export interface UploadsOptions {
  limits: () => Limits | undefined;
  token: () => string | null;
  /** The visitor's language, for the limit's size in a refusal. */
  language: () => string;
  /** Sends the uploaded file as a message (the conversation's outbox). */
  send: (files: MessageAttachment[]) => void;
  upload?: UploadFn;
}

/** The server's words for a refusal (`{ error: { message } }`), else the status. */
function refusal(status: number, body: unknown): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' ? message : `HTTP ${status}`;
}

/** The upload with XMLHttpRequest, the one browser API that reports an upload's progress. */
export const xhrUpload: UploadFn = (file, token, onProgress) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/widget/attachments?filename=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('authorization', `Visitor ${token}`);
    xhr.setRequestHeader('content-type', file.type);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => (xhr.status === 201 ? resolve(xhr.response as MessageAttachment) : reject(new Error(refusal(xhr.status, xhr.response))));
    xhr.onerror = () => reject(new Error(''));
    xhr.send(file);
  });

export class UploadsModel {
  private readonly _items = signal<UploadItem[]>([]);
  private next = 0;
  /** Files on their way and refusals, in the order they were given. */
  readonly items: ReadonlySignal<UploadItem[]> = this._items;

  constructor(private readonly options: UploadsOptions) {}

  /** Checks each file against the limits, then uploads and sends those that pass, one at a time. */
  async add(files: readonly File[]): Promise<void> {
    for (const file of files) await this.one(file);
  }

  dismiss(key: number): void {
    this._items.value = this._items.peek().filter((i) => i.key !== key);
  }

  private async one(file: File): Promise<void> {
    const limits = this.options.limits();
    const key = this.next++;
    const name = file.name || 'file';
    const before: Line<FilesKey> | null =
      limits && !limits.types.includes(file.type)
        ? { key: 'badType', params: { name } }
        : limits && file.size > limits.maxBytes
          ? { key: 'tooBig', params: { name, size: fileSize(this.options.language(), limits.maxBytes) } }
          : null;
    this._items.value = [...this._items.peek(), { key, name, progress: 0, error: before }];
    if (before) return;
    const token = this.options.token();
    try {
      if (!token) throw new Error('');
      const saved = await (this.options.upload ?? xhrUpload)(file, token, (progress) => this.update(key, { progress }));
      this.dismiss(key);
      this.options.send([saved]);
    } catch (err) {
      const reason = err instanceof Error ? err.message : '';
      this.update(key, { error: reason ? { key: 'failed', params: { name, reason } } : { key: 'failedOffline', params: { name } } });
    }
  }

  private update(key: number, change: Partial<UploadItem>): void {
    this._items.value = this._items.peek().map((i) => (i.key === key ? { ...i, ...change } : i));
  }
}
