/**
 * A short generated tone (Web Audio, no sound file) for "a new message": the desk's notification beep and the
 * messenger's chime. Dependency-free, so each bundle takes it as is. Browsers allow audio once the page had a
 * gesture; until then, and without an audio device, nothing plays and nothing throws.
 */
export function playTone(win: Window, tone: { volume: number; seconds: number }): void {
  const Ctx = (win as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Ctx) return;
  try {
    const audio = new Ctx();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(tone.volume, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + tone.seconds);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + tone.seconds);
    osc.onended = () => void audio.close();
  } catch {
    // Not allowed yet, or no audio device: the count and the title still tell.
  }
}
