/**
 * The slice of a socket.io client socket (namespace `/visitor`) that the conversation model uses. The real
 * `Socket<VisitorServerToClient, VisitorClientToServer>` fits it; tests pass a small fake.
 */
import type { VisitorClientToServer, VisitorServerToClient } from '../../../shared/protocol';

/** Commands that are acknowledged (everything but `typing:set`). */
export type VisitorCommand = 'message:send' | 'conversation:sync' | 'conversation:escalate' | 'message:seen';
/** What a command sends. */
export type CommandPayload<E extends VisitorCommand> = Parameters<VisitorClientToServer[E]>[0];
/** What a command's ack carries: `{ ok: true, data } | { ok: false, error }`. */
export type CommandAck<E extends VisitorCommand> = Parameters<Parameters<VisitorClientToServer[E]>[1]>[0];

/** Events the model listens to: the server's broadcasts plus the socket's own connect/disconnect. */
export type VisitorListeners = VisitorServerToClient & { connect: () => void; disconnect: () => void };

export interface VisitorSocket {
  readonly connected: boolean;
  on<E extends keyof VisitorListeners>(event: E, listener: VisitorListeners[E]): unknown;
  off<E extends keyof VisitorListeners>(event: E, listener: VisitorListeners[E]): unknown;
  emit(event: 'typing:set', payload: { typing: boolean }): unknown;
  /** Rejects when no ack arrives in `ms` (also while disconnected). */
  timeout(ms: number): {
    emitWithAck<E extends VisitorCommand>(event: E, payload: CommandPayload<E>): Promise<CommandAck<E>>;
  };
}
