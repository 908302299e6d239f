import { randomBytes } from 'node:crypto';
import { linksIn } from './tools';

/**
 * Defences that do not rely on the model obeying its instructions. The prompt asks; these check:
 * - a reply that leaks the instructions (the canary, or a long verbatim run of them) is replaced;
 * - links that were not in anything Kai retrieved this turn are removed (no phishing via injected text);
 * - only offered tools run, with arguments that pass their schema (see tools.ts and the engine);
 * - quotes offered as the visitor's words must be the visitor's words.
 */

/** A distinctive string embedded in the system prompt: if it ever appears in a reply, the prompt leaked. */
export function makeCanary(): string {
  return `fd-canary-${randomBytes(6).toString('hex')}`;
}

/** Consecutive words shared with the instructions that count as quoting them. */
export const LEAK_NGRAM = 10;

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Recognises a reply that repeats the secret part of the system prompt. */
export class LeakDetector {
  readonly #canary: string;
  readonly #ngrams = new Set<string>();

  constructor(secret: string, canary: string) {
    this.#canary = canary.toLowerCase();
    const w = words(secret);
    for (let i = 0; i + LEAK_NGRAM <= w.length; i++) this.#ngrams.add(w.slice(i, i + LEAK_NGRAM).join(' '));
  }

  leaks(text: string): boolean {
    if (text.toLowerCase().includes(this.#canary)) return true;
    const w = words(text);
    for (let i = 0; i + LEAK_NGRAM <= w.length; i++) if (this.#ngrams.has(w.slice(i, i + LEAK_NGRAM).join(' '))) return true;
    return false;
  }
}

export const LINK_REMOVED = '[link removed]';

/** Replaces absolute links that are not in `allowed` (the links Kai retrieved this turn). */
export function removeForeignLinks(text: string, allowed: ReadonlySet<string>): string {
  let out = text;
  for (const link of new Set(linksIn(text))) if (!allowed.has(link)) out = out.split(link).join(LINK_REMOVED);
  return out;
}

/** Characters of a streamed reply held back so a leak is caught before it reaches the visitor. */
export const STREAM_HOLDBACK = 96;

const OPEN_LINK_AT_END = /\bhttps?:\/\/[^\s<>()[\]"'`]*$|\bh(?:t(?:t(?:p(?:s?:?\/{0,2})?)?)?)?$/i;

/**
 * Streams a reply through the guardrails. Text is passed on with a hold-back of `holdback` characters
 * (longer than a leak window is likely to be) and never past the start of an unfinished link, so a leak is
 * caught before it reaches the visitor and a foreign link is replaced before it is shown. Once a leak is
 * seen nothing more is emitted. What was emitted is always a prefix of `text()`.
 */
export class StreamGuard {
  #raw = '';
  #emitted = '';
  #stopped = false;

  constructor(
    private readonly detector: LeakDetector,
    private readonly allowedLinks: ReadonlySet<string>,
    private readonly emit: (delta: string) => void,
    private readonly holdback = STREAM_HOLDBACK,
  ) {}

  /** The raw text the model produced so far (before link removal). */
  get raw(): string {
    return this.#raw;
  }

  get leaked(): boolean {
    return this.detector.leaks(this.#raw);
  }

  push(delta: string): void {
    this.#raw += delta;
    this.#drain(false);
  }

  /** Emits the rest and returns the reply as the visitor should see it (what was emitted, in full). */
  end(): string {
    this.#drain(true);
    return this.text();
  }

  /** The reply with foreign links removed. */
  text(): string {
    return removeForeignLinks(this.#raw, this.allowedLinks);
  }

  #drain(final: boolean): void {
    if (this.#stopped) return;
    if (this.detector.leaks(this.#raw)) {
      this.#stopped = true;
      return;
    }
    let visible: string;
    if (final) visible = this.text();
    else {
      const open = OPEN_LINK_AT_END.exec(this.#raw);
      const settled = removeForeignLinks(open ? this.#raw.slice(0, open.index) : this.#raw, this.allowedLinks);
      visible = settled.slice(0, Math.max(0, Math.min(settled.length, this.text().length - this.holdback)));
    }
    // What is visible may shrink for a moment (a link growing past its replacement) but never diverge from what
    // was shown; if it does (a link judged foreign became allowed), keep what was shown and stop streaming.
    const [shorter, longer] = visible.length <= this.#emitted.length ? [visible, this.#emitted] : [this.#emitted, visible];
    if (!longer.startsWith(shorter)) {
      this.#stopped = true;
      return;
    }
    if (visible.length > this.#emitted.length) {
      this.emit(visible.slice(this.#emitted.length));
      this.#emitted = visible;
    }
  }
}

/** Keeps only the quotes that really are the visitor's words (case and spacing aside). */
export function visitorQuotes(quotes: readonly string[], visitorWords: string): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const haystack = norm(visitorWords);
  return quotes.map((q) => q.trim()).filter((q) => q.length > 0 && haystack.includes(norm(q)));
}

/** A display name safe to put in the prompt: one line, no control characters, short. */
export function cleanAgentName(name: string): string {
  const cleaned = name.replace(/[\p{C}\n\r]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 40);
  return cleaned || 'Kai';
}

/** What Kai says instead of a reply that leaked its instructions. */
export const SAFE_REFUSAL = "Sorry, I can't help with that. I can answer questions about our product and services from our help centre, or connect you with a person.";

/** What Kai says instead of an answer that rests on nothing it retrieved (the offline engine's wording). */
export function notFoundReply(offer: boolean): string {
  return offer
    ? "I'm sorry, I couldn't find an answer to that in our help centre. Would you like me to connect you with a person, or shall I keep trying? You can also rephrase your question."
    : "I'm sorry, I couldn't find that in our help centre either. Try rephrasing it, or choose “Talk to a person” and our team will pick it up.";
}
