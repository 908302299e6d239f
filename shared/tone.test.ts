import { describe, expect, it } from 'vitest';
import { playTone } from './tone';

/** A Web Audio stand-in that records what the tone asks of it. */
function fakeAudio() {
  const calls: string[] = [];
  class FakeContext {
    currentTime = 10;
    destination = {};
    createOscillator() {
      return { frequency: { value: 0 }, connect: (g: unknown) => g, start: () => calls.push('start'), stop: (at: number) => calls.push(`stop ${at}`), onended: null };
    }
    createGain() {
      return { gain: { setValueAtTime: (v: number) => calls.push(`volume ${v}`), exponentialRampToValueAtTime: (_v: number, at: number) => calls.push(`fade until ${at}`) }, connect: (d: unknown) => d };
    }
    close() {
      return Promise.resolve();
    }
  }
  return { calls, win: { AudioContext: FakeContext } as unknown as Window };
}

describe('playTone', () => {
  it('plays at the volume asked, fades and stops after the duration', () => {
    const { calls, win } = fakeAudio();
    playTone(win, { volume: 0.15, seconds: 0.25 });
    expect(calls).toEqual(['volume 0.15', 'fade until 10.25', 'start', 'stop 10.25']);
  });

  it('does nothing, and throws nothing, without Web Audio or when the browser refuses it', () => {
    expect(() => playTone({} as Window, { volume: 0.1, seconds: 0.1 })).not.toThrow();
    const refusing = { AudioContext: class { constructor() { throw new Error('not allowed'); } } } as unknown as Window;
    expect(() => playTone(refusing, { volume: 0.1, seconds: 0.1 })).not.toThrow();
  });
});
