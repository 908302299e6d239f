/** The new-message sound, a chunk of its own: loaded only when a sound is due. */
/** A short, quiet chime (Web Audio, nothing to download). Browsers allow it once the visitor has interacted. */
export function playChime(win: Window): void {
  const Ctx = (win as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Ctx) return;
  try {
    const ctx = new Ctx();
    const tone = ctx.createOscillator();
    const gain = ctx.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.25);
    tone.connect(gain).connect(ctx.destination);
    tone.start();
    tone.stop(ctx.currentTime + 0.25);
    tone.onended = () => void ctx.close();
  } catch {
    // No audio device or not allowed yet: the count still shows.
  }
}
