/** The new-message sound, a chunk of its own: loaded only when a sound is due. A short, quiet chime. */
import { playTone } from '../../shared/tone';

export function playChime(win: Window): void {
  playTone(win, { volume: 0.08, seconds: 0.25 });
}
