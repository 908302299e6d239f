/**
 * The worker thread that reads mail (read-mail.ts) and checks its sender (sender-auth.ts): one job at a time,
 * answered by id. If a job takes too long the owner terminates this thread and starts another, so nothing here
 * needs a timeout of its own. The sender check's DNS look-ups are asked of the owner (its resolver is the
 * deployment's, or a test's table) and answered by question number.
 */
import { parentPort } from 'node:worker_threads';
import { readMail, type ReadJob } from './read-mail';
import { checkInWorker } from './sender-auth-worker';
import type { DnsResolver, SenderJob } from './sender-auth';

const port = parentPort;
if (!port) throw new Error('mail-worker.ts runs as a worker thread');

type Job = { id: number; job: ReadJob } | { id: number; check: SenderJob };
type DnsAnswer = { dnsAnswer: number; value: string[][] | string[] } | { dnsAnswer: number; error: { code: string; message: string } };

const questions = new Map<number, { resolve: (v: string[][] | string[]) => void; reject: (e: Error) => void }>();
let lastQuestion = 0;

/** The owner's resolver, across the thread boundary. */
const askOwner = (id: number): DnsResolver => (name, rrtype) =>
  new Promise((resolve, reject) => {
    const q = ++lastQuestion;
    questions.set(q, { resolve, reject });
    port.postMessage({ id, dns: { q, name, rrtype } });
  });

const fail = (id: number) => (err: unknown) => port.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });

port.on('message', (msg: Job | DnsAnswer) => {
  if ('dnsAnswer' in msg) {
    const waiting = questions.get(msg.dnsAnswer);
    questions.delete(msg.dnsAnswer);
    if ('error' in msg) waiting?.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
    else waiting?.resolve(msg.value);
  } else if ('check' in msg) {
    checkInWorker(msg.check, askOwner(msg.id)).then((check) => port.postMessage({ id: msg.id, ok: true, check }), fail(msg.id));
  } else {
    readMail(msg.job).then((mail) => port.postMessage({ id: msg.id, ok: true, mail }), fail(msg.id));
  }
});
port.postMessage({ ready: true });
