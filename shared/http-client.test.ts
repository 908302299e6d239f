/** The browser's one HTTP client against a real HTTP server on 127.0.0.1: what each kind of answer becomes. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError, requestJson } from './http-client';

let server: Server;
let base = '';
const seen: { method: string; contentType: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', contentType: req.headers['content-type'], body });
      const answer = (status: number, text: string) => res.writeHead(status, { 'content-type': 'application/json' }).end(text);
      if (req.url === '/ok') answer(200, JSON.stringify({ echo: body ? JSON.parse(body) : null }));
      else if (req.url === '/gone') res.writeHead(204).end();
      else if (req.url === '/stale') answer(409, JSON.stringify({ error: { code: 'conflict', message: 'Someone else changed it' }, current: { id: 't1' } }));
      else if (req.url === '/proxy') res.writeHead(429, { 'content-type': 'text/html' }).end('<h1>Too many</h1>');
      else if (req.url === '/garbled') answer(200, '{not json');
      else answer(404, JSON.stringify({ error: { code: 'not_found', message: 'No such thing' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const call = <T>(method: string, path: string, body?: unknown) => requestJson<T>(fetch, method, `${base}${path}`, { body });
const refusal = async (p: Promise<unknown>) => p.then(() => expect.unreachable('the call should fail'), (err: unknown) => err as HttpError);

describe('requestJson', () => {
  it('sends JSON only with a body and reads the JSON answer; a 204 is undefined', async () => {
    expect(await call('POST', '/ok', { a: 1 })).toEqual({ echo: { a: 1 } });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', contentType: 'application/json' });
    expect(await call('GET', '/ok')).toEqual({ echo: null });
    expect(seen.at(-1)?.contentType).toBeUndefined();
    expect(await call('DELETE', '/gone')).toBeUndefined();
  });

  it("throws one HttpError with the server's code and message, and what a stale write was refused against", async () => {
    const missing = await refusal(call('GET', '/missing'));
    expect(missing).toBeInstanceOf(HttpError);
    expect(missing).toMatchObject({ status: 404, code: 'not_found', message: 'No such thing', current: undefined });
    expect(await refusal(call('PATCH', '/stale', {}))).toMatchObject({ status: 409, code: 'conflict', message: 'Someone else changed it', current: { id: 't1' } });
  });

  it('names a refusal without a JSON error by its status; an unreadable success and no answer at all have codes of their own', async () => {
    expect(await refusal(call('GET', '/proxy'))).toMatchObject({ status: 429, code: 'rate_limited', message: 'The server answered 429' });
    expect(await refusal(call('GET', '/garbled'))).toMatchObject({ status: 200, code: 'bad_response' });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const port = typeof address === 'object' && address ? address.port : 0;
    expect(await refusal(requestJson(fetch, 'GET', `http://127.0.0.1:${port}/ok`))).toMatchObject({ status: 0, code: 'network_error' });
  });
});
