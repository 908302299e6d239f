import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Files on disk under ATTACHMENTS_DIR. Names on disk are ids we mint (`<ticketId>/<attachmentId>`), never
 * a sender's file name, so nothing a mail says can choose or escape the path. Mail being received is
 * spooled under `incoming/` (raw mail and the files read from it) and moved into place, never held in memory.
 */
export class AttachmentStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Where mail being received is spooled. */
  get incomingDir(): string {
    return join(this.root, 'incoming');
  }

  /**
   * Creates the folder (with `quarantine/` and `incoming/`, emptied: what a stopped process was receiving is
   * resent by its sender, who never got our answer); fails with a line naming ATTACHMENTS_DIR when it cannot.
   */
  async prepare(): Promise<void> {
    try {
      await mkdir(join(this.root, 'quarantine'), { recursive: true });
      await mkdir(this.incomingDir, { recursive: true });
      for (const name of await readdir(this.incomingDir)) await rm(join(this.incomingDir, name), { force: true, recursive: true });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(`Invalid configuration: ATTACHMENTS_DIR: cannot create ${this.root} (${reason})`);
    }
  }

  /** Writes the bytes of one attachment of a ticket; returns its storage key. */
  async save(ticketId: string, attachmentId: string, bytes: Buffer): Promise<string> {
    return this.#write(`${safeSegment(ticketId)}/${safeSegment(attachmentId)}`, bytes);
  }

  /** Keeps the raw bytes of a mail that could not be read, for an admin to look at. */
  async saveQuarantined(bytes: Buffer): Promise<string> {
    return this.#write(`quarantine/${randomUUID()}.eml`, bytes);
  }

  /** A fresh path under `incoming/` for a mail being received. */
  spoolPath(): string {
    return join(this.incomingDir, `${randomUUID()}.eml`);
  }

  /** A fresh folder under `incoming/` for the files read from one mail. */
  async stagingDir(): Promise<string> {
    const dir = join(this.incomingDir, randomUUID());
    await mkdir(dir);
    return dir;
  }

  /** Moves a spooled file (under `incoming/`) into place as an attachment of a ticket; returns its storage key. */
  async adopt(ticketId: string, attachmentId: string, spooled: string): Promise<string> {
    return this.#move(`${safeSegment(ticketId)}/${safeSegment(attachmentId)}`, spooled);
  }

  /** Moves a spooled raw mail into `quarantine/`; returns its storage key. */
  async adoptQuarantined(spooled: string): Promise<string> {
    return this.#move(`quarantine/${randomUUID()}.eml`, spooled);
  }

  /** Removes spooled files and staging folders (best effort; only under `incoming/`). */
  async discard(spooled: readonly string[]): Promise<void> {
    const inside = spooled.filter((p) => resolve(p).startsWith(this.incomingDir + sep));
    await Promise.all(inside.map((p) => rm(p, { force: true, recursive: true }).catch(() => undefined)));
  }

  /** The file behind a storage key, or null when the key points outside the folder or the file is gone. */
  async open(storageKey: string): Promise<{ stream: ReadStream; size: number } | null> {
    const path = this.#path(storageKey);
    if (!path) return null;
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      return { stream: createReadStream(path), size: info.size };
    } catch {
      return null;
    }
  }

  /** Best effort: removes files written for a mail whose database records could not be saved. */
  async remove(storageKeys: readonly string[]): Promise<void> {
    await Promise.all(storageKeys.map(async (key) => {
      const path = this.#path(key);
      if (path) await rm(path, { force: true }).catch(() => undefined);
    }));
  }

  async #write(key: string, bytes: Buffer): Promise<string> {
    const path = this.#path(key)!;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes, { flag: 'wx' });
    return key;
  }

  async #move(key: string, spooled: string): Promise<string> {
    const from = resolve(spooled);
    if (!from.startsWith(this.incomingDir + sep)) throw new Error('only files under incoming/ can be moved into place');
    const path = this.#path(key)!;
    await mkdir(dirname(path), { recursive: true });
    await rename(from, path);
    return key;
  }

  #path(storageKey: string): string | null {
    const path = resolve(this.root, storageKey);
    return path.startsWith(this.root + sep) ? path : null;
  }
}

/** Ids are UUIDs; anything else is reduced to characters that cannot form a path. */
function safeSegment(id: string): string {
  return id.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 80) || 'x';
}
