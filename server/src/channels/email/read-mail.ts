/**
 * Reads one received mail from its spool file: MIME and charsets (mailparser), HTML to text, the reply split
 * from its quote, the files it carries. This is the CPU-heavy part of receiving mail and it runs on text a
 * stranger chose, so it runs in a worker thread (see mail-reader.ts), never on the event loop that serves
 * HTTP and sockets. Files that will be kept are written next to the spool file; the caller moves or removes them.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { MailHeader } from './automated';
import { cleanSubject, headerList, limitText, readableText, safeFilename, splitReply } from './mail-text';
import { normalizeMessageId, referencedIds } from './threading';

/** Files kept per mail; the rest are listed as not kept. */
export const MAX_ATTACHMENTS = 10;
/** Largest file kept (decoded bytes). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A file of the mail written to disk, waiting to be moved under its ticket. */
export interface StagedFile {
  filename: string;
  contentType: string;
  size: number;
  path: string;
}

/** A file from the customer's mail that was not kept, and why. */
export interface RejectedAttachment {
  filename: string;
  /** Why, in English (for the agents' note). */
  reason: string;
  /** Which limit it passed, for the customer's mail in their language; `size` is the file's, in bytes. */
  limit: 'size' | 'count';
  size: number;
}

/** An address with its display name, as the mail gives it. */
export interface MailAddress {
  address: string;
  name: string | null;
}

/** What a mail says, as plain data (it crosses from the worker thread). */
export interface MailReading {
  headers: MailHeader[];
  /** The first valid From address, lower case, with its name. */
  from: MailAddress | null;
  /** The first valid Reply-To address other than SUPPORT_EMAIL. */
  replyTo: MailAddress | null;
  /** The Subject header made one clean line; `hasSubject` says whether there was one. */
  subject: string;
  hasSubject: boolean;
  messageId: string | null;
  /** The Message-IDs it replies to: In-Reply-To first, then References newest first. */
  ids: string[];
  /** The Date header (ISO), when it has a valid one. */
  date: string | null;
  /** A multipart mail none of whose parts could be found (wrong or missing boundary). */
  unreadable: boolean;
  /** The new text (cut to the stored limit) and the quoted history folded away, if any. */
  body: string;
  quoted: string | null;
  /** The files kept (on disk) and those refused, in the mail's order. */
  kept: StagedFile[];
  rejected: RejectedAttachment[];
}

export interface ReadJob {
  /** The raw mail as received. */
  path: string;
  /** Where kept files are written. */
  stageDir: string;
  supportEmail: string;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;
const SIGNATURE_PARTS = /^application\/(pkcs7-signature|x-pkcs7-signature|pgp-signature)$/i;

/** A size as people read it: `2.4 MB`, `12 KB`. */
export const fmtSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Which files of a mail are kept: at most MAX_ATTACHMENTS, each at most MAX_ATTACHMENT_BYTES. */
export function sortAttachments<F extends { filename: string; size: number }>(files: readonly F[]): { kept: F[]; rejected: RejectedAttachment[] } {
  const kept: F[] = [];
  const rejected: RejectedAttachment[] = [];
  for (const f of files) {
    if (f.size > MAX_ATTACHMENT_BYTES) rejected.push({ filename: f.filename, reason: `${fmtSize(f.size)}, over the ${fmtSize(MAX_ATTACHMENT_BYTES)} limit per file`, limit: 'size', size: f.size });
    else if (kept.length >= MAX_ATTACHMENTS) rejected.push({ filename: f.filename, reason: `over the limit of ${MAX_ATTACHMENTS} files per email`, limit: 'count', size: f.size });
    else kept.push(f);
  }
  return { kept, rejected };
}

/** The first address of a header that is a plain address (length checked before the pattern). */
function firstAddress(field: ParsedMail['from'], skip?: string): MailAddress | null {
  const found = field?.value.find((a) => a.address && a.address.length <= 320 && EMAIL.test(a.address) && a.address.toLowerCase() !== skip);
  if (!found?.address) return null;
  return { address: found.address.toLowerCase(), name: (found.name ?? '').slice(0, 200).trim() || null };
}

function filesOf(parsed: ParsedMail) {
  return parsed.attachments
    .filter((a) => !SIGNATURE_PARTS.test(a.contentType.slice(0, 200)))
    .map((a, i) => {
      const type = a.contentType.slice(0, 200);
      return {
        filename: safeFilename(a.filename, `attachment-${i + 1}${type.startsWith('image/') ? `.${type.slice(6).replace(/[^a-z0-9]/gi, '').slice(0, 10) || 'img'}` : ''}`),
        contentType: /^[\w.+-]+\/[\w.+-]+$/.test(type) ? type.toLowerCase() : 'application/octet-stream',
        size: a.content.length,
        content: a.content,
      };
    });
}

/** Parses the mail at `job.path`; throws only when it cannot be parsed at all. */
export async function readMail(job: ReadJob): Promise<MailReading> {
  const parsed = await simpleParser(createReadStream(job.path), { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, keepCidLinks: true });
  const headers = headerList(parsed.headerLines).filter((h) => h.name !== '');
  const hasParts = Boolean(parsed.text) || Boolean(parsed.html) || parsed.attachments.length > 0;
  const contentType = headers.find((h) => h.name === 'content-type')?.value ?? '';
  const split = splitReply(readableText(parsed));
  const { kept, rejected } = sortAttachments(filesOf(parsed));
  const staged: StagedFile[] = [];
  for (const f of kept) {
    const path = join(job.stageDir, `${randomUUID()}.part`);
    await writeFile(path, f.content, { flag: 'wx' });
    staged.push({ filename: f.filename, contentType: f.contentType, size: f.size, path });
  }
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null;
  return {
    headers,
    from: firstAddress(parsed.from),
    replyTo: firstAddress(parsed.replyTo, job.supportEmail.toLowerCase()),
    subject: cleanSubject(parsed.subject),
    hasSubject: Boolean(parsed.subject),
    messageId: normalizeMessageId(parsed.messageId),
    ids: referencedIds(parsed.inReplyTo, parsed.references),
    date,
    unreadable: /^multipart\//i.test(contentType) && !hasParts,
    body: limitText(split.body),
    quoted: split.quoted ? limitText(split.quoted) : null,
    kept: staged,
    rejected,
  };
}
