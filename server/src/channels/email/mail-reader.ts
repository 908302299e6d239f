/**
 * A small pool of worker threads that read mail (mail-worker.ts), each job with a time budget. A mail that
 * is not read within the budget, or that kills its worker (out of memory), is reported as unreadable with the
 * reason, and its worker is replaced: the event loop that serves HTTP, sockets and SMTP never parses mail.
 * The workers also check who sent a mail (SPF, DKIM, DMARC: `checkSender`), which parses and hashes it too.
 */
import { Worker } from 'node:worker_threads';
import type { MailReading, ReadJob } from './read-mail';
import { SENDER_CHECK_BUDGET_MS, boundedResolver, unverified, type DnsResolver, type SenderCheck, type SenderJob } from './sender-auth';

/** Default time one mail may take to read (a real 25 MB mail with attachments takes well under a second). */
export const READ_BUDGET_MS = 10_000;
/** Heap for one reading worker; a mail needing more is refused rather than taking the server's memory. */
const WORKER_HEAP_MB = 512;

export type ReadResult = { ok: true; mail: MailReading } | { ok: false; reason: string };

interface Slot {
  worker: Worker | null;
  ready: Promise<void> | null;
  busy: boolean;
}

type Answer = { id: number; ok: true; mail: MailReading } | { id: number; ok: true; check: SenderCheck } | { id: number; ok: false; error: string };
/** A DNS look-up the worker's sender check asks the owner to make. */
type DnsQuestion = { id: number; dns: { q: number; name: string; rrtype: string } };

/** Time a sender check's worker gets past the DNS budget to finish, before it is replaced. */
const CHECK_GRACE_MS = 1_000;

const ENTRY = new URL('./mail-worker.ts', import.meta.url).href;
const BOOT = new URL('./mail-worker-boot.mjs', import.meta.url);

export class MailReader {
  readonly #slots: Slot[];
  readonly #budgetMs: number;
  readonly #waiting: (() => void)[] = [];
  #nextId = 1;
  #closed = false;

  constructor(opts: { workers?: number; budgetMs?: number } = {}) {
    this.#slots = Array.from({ length: opts.workers ?? 2 }, () => ({ worker: null, ready: null, busy: false }));
    this.#budgetMs = opts.budgetMs ?? READ_BUDGET_MS;
  }

  /** Starts the workers ahead of the first mail (a worker takes a few hundred milliseconds to load). */
  async warm(): Promise<void> {
    await Promise.all(this.#slots.map((slot) => this.#start(slot)));
  }

  /**
   * Reads one mail in a worker. What the mail does (fails to parse, overruns the budget, exhausts the heap)
   * comes back as `{ ok: false, reason }`; it rejects only when no worker can be started (a server fault).
   */
  async read(job: ReadJob): Promise<ReadResult> {
    const slot = await this.#acquire();
    try {
      await this.#start(slot);
      return await this.#run(slot, job);
    } finally {
      slot.busy = false;
      this.#waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((slot) => this.#stop(slot)));
  }

  async #acquire(): Promise<Slot> {
    for (;;) {
      if (this.#closed) throw new Error('the mail reader is closed');
      const free = this.#slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  #start(slot: Slot): Promise<void> {
    if (slot.ready !== null) return slot.ready;
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.unref();
    slot.worker = worker;
    slot.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (msg: { ready?: boolean }) => {
        if (!msg.ready) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    // A worker that failed to start is started afresh for the next mail.
    slot.ready.catch(() => this.#forget(slot, worker));
    return slot.ready;
  }

  #run(slot: Slot, job: ReadJob): Promise<ReadResult> {
    return this.#exchange<ReadResult>(slot, { job }, this.#budgetMs, {
      answer: (msg) => (!msg.ok ? { ok: false, reason: `malformed: the message could not be parsed (${msg.error.slice(0, 200)})` } : 'mail' in msg ? { ok: true, mail: msg.mail } : { ok: false, reason: 'malformed: the reader answered something else' }),
      failed: (why, detail) =>
        why === 'budget'
          ? { ok: false, reason: `too slow: reading it took longer than ${this.#budgetMs} ms` }
          : why === 'memory'
            ? { ok: false, reason: `too complex: reading it needed more than ${WORKER_HEAP_MB} MB of memory` }
            : { ok: false, reason: why === 'exit' ? 'malformed: the reader stopped while reading it' : `malformed: reading it failed (${detail})` },
    });
  }

  /**
   * Checks a mail's sender (sender-auth.ts `checkInWorker`) in a worker: mailauth parses headers and hashes bodies
   * that a stranger wrote. Its DNS look-ups come back here and go to `resolver`, each given up at the budget's
   * end; the worker gets a second more to finish, else it is replaced. Never rejects for what the mail does.
   */
  async checkSender(job: SenderJob, resolver: DnsResolver, budgetMs = SENDER_CHECK_BUDGET_MS): Promise<SenderCheck> {
    const slot = await this.#acquire();
    try {
      await this.#start(slot);
      const bounded = boundedResolver(resolver, Date.now() + budgetMs);
      return await this.#exchange<SenderCheck>(slot, { check: job }, budgetMs + CHECK_GRACE_MS, {
        answer: (msg) => (msg.ok && 'check' in msg ? msg.check : unverified('the checks failed')),
        failed: (why) => unverified(why === 'budget' ? `the checks took longer than ${budgetMs} ms` : 'the checks failed'),
        dns: bounded,
      });
    } finally {
      slot.busy = false;
      this.#waiting.shift()?.();
    }
  }

  /** One job on the slot's worker, with a time budget; a worker that overruns it, dies or exits is replaced. */
  #exchange<T>(
    slot: Slot,
    message: { job: ReadJob } | { check: SenderJob },
    budgetMs: number,
    on: { answer: (msg: Answer) => T; failed: (why: 'budget' | 'memory' | 'error' | 'exit', detail: string) => T; dns?: DnsResolver },
  ): Promise<T> {
    const worker = slot.worker!;
    const id = this.#nextId++;
    return new Promise<T>((resolve) => {
      const finish = (result: T) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(result);
      };
      const onMessage = (msg: Answer | DnsQuestion) => {
        if (msg.id !== id) return;
        if ('dns' in msg) {
          const { q, name, rrtype } = msg.dns;
          const dns = on.dns ?? (() => Promise.reject(Object.assign(new Error('no DNS for this job'), { code: 'EREFUSED' })));
          dns(name, rrtype).then(
            (value) => worker.postMessage({ dnsAnswer: q, value }),
            (err: unknown) => worker.postMessage({ dnsAnswer: q, error: { code: (err as NodeJS.ErrnoException).code ?? 'ESERVFAIL', message: err instanceof Error ? err.message : String(err) } }),
          );
          return;
        }
        finish(on.answer(msg));
      };
      const onError = (err: Error) => {
        this.#forget(slot, worker);
        finish(on.failed((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'error', err.message.slice(0, 200)));
      };
      const onExit = () => {
        this.#forget(slot, worker);
        finish(on.failed('exit', ''));
      };
      const timer = setTimeout(() => {
        void this.#stop(slot);
        finish(on.failed('budget', ''));
      }, budgetMs);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, ...message });
    });
  }

  #forget(slot: Slot, worker: Worker): void {
    if (slot.worker !== worker) return;
    slot.worker = null;
    slot.ready = null;
  }

  async #stop(slot: Slot): Promise<void> {
    const worker = slot.worker;
    if (!worker) return;
    this.#forget(slot, worker);
    await worker.terminate();
  }
}
