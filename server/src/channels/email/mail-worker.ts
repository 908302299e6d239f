/**
 * The worker thread that reads mail (read-mail.ts): one job at a time, answered by id. If a mail takes too
 * long the owner terminates this thread and starts another, so nothing here needs a timeout of its own.
 */
import { parentPort } from 'node:worker_threads';
import { readMail, type ReadJob } from './read-mail';

const port = parentPort;
if (!port) throw new Error('mail-worker.ts runs as a worker thread');

port.on('message', (msg: { id: number; job: ReadJob }) => {
  readMail(msg.job).then(
    (mail) => port.postMessage({ id: msg.id, ok: true, mail }),
    (err: unknown) => port.postMessage({ id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
port.postMessage({ ready: true });
