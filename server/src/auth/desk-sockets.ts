import type { Server } from 'socket.io';
import { agentRoom, credentialRoom } from '../realtime/desk.socket';

/**
 * Ends desk sockets at once, on every server process (the Redis adapter carries it): those opened with one
 * credential (sign-out, a deleted token), or all of one agent's (deactivation), or all but the one in use
 * (a password change).
 */
export function endDeskSockets(io: Server, who: { credentialHash: string } | { agentId: string; exceptCredentialHash?: string }): void {
  if (!('agentId' in who)) return io.of('/desk').in(credentialRoom(who.credentialHash)).disconnectSockets(true);
  const sockets = io.of('/desk').in(agentRoom(who.agentId));
  (who.exceptCredentialHash ? sockets.except(credentialRoom(who.exceptCredentialHash)) : sockets).disconnectSockets(true);
}
