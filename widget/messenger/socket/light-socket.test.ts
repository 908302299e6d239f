// @vitest-environment node
/**
 * The light client against a real socket.io server (the same version the app runs) on port 0.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { decodePacket, LightSocket } from './light-socket';

let http: HttpServer;
let io: Server;
const sockets: LightSocket[] = [];
let serverSockets: ServerSocket[] = [];

async function start(): Promise<string> {
  http = createServer();
  io = new Server(http, { path: '/socket.io', pingInterval: 200, pingTimeout: 200 });
  const nsp = io.of('/visitor');
  nsp.use((socket, next) => (socket.handshake.auth.token === 'good' ? next() : next(new Error('unauthorized'))));
  serverSockets = [];
  nsp.on('connection', (socket) => {
    serverSockets.push(socket);
    socket.on('echo', (payload: unknown, ack: (v: unknown) => void) => ack({ ok: true, data: payload }));
    socket.on('shout', (text: string) => socket.emit('heard', text.toUpperCase(), 2));
    socket.on('bye', () => socket.disconnect(true));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

function open(origin: string, token: string): LightSocket {
  const socket = new LightSocket('/visitor', {
    origin,
    auth: () => ({ token }),
    WebSocket: NodeWebSocket as unknown as typeof WebSocket, // ws has the browser API the client uses
  });
  sockets.push(socket);
  return socket;
}

const once = (socket: LightSocket, event: string): Promise<unknown[]> =>
  new Promise((resolve) => {
    const listener = (...args: unknown[]) => {
      socket.off(event, listener);
      resolve(args);
    };
    socket.on(event, listener);
  });

afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

describe('LightSocket against socket.io', () => {
  it('joins the namespace with its auth, acknowledges commands and receives events', async () => {
    const socket = open(await start(), 'good');
    await once(socket, 'connect');
    expect(socket.connected).toBe(true);
    await expect(socket.timeout(2000).emitWithAck('echo', { text: 'héllo "quoted"' })).resolves.toEqual({
      ok: true,
      data: { text: 'héllo "quoted"' },
    });
    const heard = once(socket, 'heard');
    socket.emit('shout', 'hi');
    expect(await heard).toEqual(['HI', 2]);
  });

  it('reports a refused handshake as connect_error and stops', async () => {
    const socket = open(await start(), 'bad');
    const [error] = await once(socket, 'connect_error');
    expect((error as Error).message).toBe('unauthorized');
    expect(socket.active).toBe(false);
    expect(socket.connected).toBe(false);
  });

  it('rejects a command at its deadline when no ack comes', async () => {
    const socket = open(await start(), 'good');
    await once(socket, 'connect');
    await expect(socket.timeout(50).emitWithAck('no-such-command', {})).rejects.toThrow('timed out');
  });

  it('answers pings, so the server keeps it well past pingInterval + pingTimeout', async () => {
    const socket = open(await start(), 'good');
    await once(socket, 'connect');
    const server = serverSockets[0] as ServerSocket;
    let pongs = 0;
    // Four heartbeats of 200 + 200 ms: the server would have dropped a client that did not answer.
    await new Promise<void>((resolve) =>
      server.conn.on('packet', (packet: { type: string }) => {
        if (packet.type === 'pong' && ++pongs === 4) resolve();
      }),
    );
    expect(server.connected).toBe(true);
    expect(socket.connected).toBe(true);
  });

  it('says "io server disconnect" when the server ends it, and does not come back', async () => {
    const socket = open(await start(), 'good');
    await once(socket, 'connect');
    const gone = once(socket, 'disconnect');
    socket.emit('bye');
    expect(await gone).toEqual(['io server disconnect']);
    expect(socket.active).toBe(false);
  });

  it('reconnects by itself after the connection drops', async () => {
    const socket = open(await start(), 'good');
    await once(socket, 'connect');
    const dropped = once(socket, 'disconnect');
    serverSockets[0]?.conn.close();
    expect(await dropped).toEqual(['transport close']);
    await once(socket, 'connect');
    expect(socket.connected).toBe(true);
  });
});

describe('decodePacket', () => {
  it('reads type, namespace, ack id and data; refuses broken JSON', () => {
    expect(decodePacket('3/visitor,12[{"ok":true}]')).toEqual({ type: 3, nsp: '/visitor', id: 12, data: [{ ok: true }] });
    expect(decodePacket('2["a",1]')).toEqual({ type: 2, nsp: '/', id: null, data: ['a', 1] });
    expect(decodePacket('0/visitor,')).toEqual({ type: 0, nsp: '/visitor', id: null, data: undefined });
    expect(decodePacket('2/visitor,["a",')).toBeNull();
  });
});
