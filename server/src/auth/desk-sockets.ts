import type { Server } from 'socket.io';
import { agentRoom, credentialRoom } from '../realtime/desk.socket';

/**
 * Ends desk sockets at once, on every server process (the Redis adapter carries it): those opened with one
 * credential (sign-out, a deleted token), or all of one agent's (deactivation).
 */
export function endDeskSockets(io: Server, who: { credentialHash: string } | { agentId: string }): void {
  const room = 'agentId' in who ? agentRoom(who.agentId) : credentialRoom(who.credentialHash);
  io.of('/desk').in(room).disconnectSockets(true);
}
