/**
 * The reference for `bench/load.ts`: a bare socket.io relay with the same namespaces and event names as Frontdesk,
 * and nothing else. A visitor's `message:send` is acknowledged with a message object, then emitted to the room of
 * the agents watching (no storage, no auth, no rules). Listens on PORT (0: any) and prints `listening <port>`.
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 64 * 1024, pingInterval: 10_000, pingTimeout: 8_000 });
let seq = 0;

io.of('/desk').on('connection', (socket) => {
  void socket.join('desk');
  socket.on('ticket:watch', (payload: { ticketId: string }, ack: (r: unknown) => void) => ack({ ok: true, data: { ticketId: payload.ticketId } }));
});

io.of('/visitor').on('connection', (socket) => {
  const ticketId = String(socket.handshake.auth['ticketId'] ?? 'none');
  socket.on('message:send', (payload: { clientId: string; body: string }, ack: (r: unknown) => void) => {
    seq += 1;
    const message = {
      id: randomUUID(),
      conversationId: ticketId,
      seq,
      clientId: payload.clientId,
      author: { kind: 'customer', name: 'Visitor' },
      body: payload.body,
      internal: false,
      sources: [],
      createdAt: new Date().toISOString(),
    };
    ack({ ok: true, data: message });
    io.of('/desk').to('desk').emit('message:created', { ticketId, message });
  });
});

http.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const address = http.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
