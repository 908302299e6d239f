// Starts mail-worker.ts in a worker thread: workers do not inherit the TypeScript loader (tsx) of the main
// thread on Node 20, so it is registered here first.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
