import type { Availability } from '../models/connection';

export interface AvailabilityNoteProps {
  /** What the server said about the team when the session was made; nothing shows without it. */
  availability: Availability | null;
}

/**
 * Before the visitor asks: whether a person is around now, or when the team that would take the request
 * opens, in the visitor's own time ("Our team is offline right now. Our UK team opens at …"). Not a live
 * region: it arrives with the rest of the messenger, and the connection line is the messenger's one status.
 */
export function AvailabilityNote({ availability }: AvailabilityNoteProps) {
  if (!availability) return null;
  const state = availability.openNow ? 'online' : 'offline';
  return (
    <p class={`fd-availability fd-availability--${state}`} role="note" data-state={state}>
      <span class="fd-availability__dot" aria-hidden="true" />
      {availability.text}
    </p>
  );
}
