/**
 * Every text function Kai runs on visitor words finishes quickly on adversarial input: a backtracking regex
 * on the event loop would be a denial of service. The bound is generous because the machines that run this
 * are shared and loaded (the same work takes 100–1,200 ms at loads of 4 to 6 per core); a catastrophic pattern is
 * far beyond it: the sentence splitter's old `\s+[-–—]\s+` took 23 s on the 100 KB run of spaces.
 */
import { describe, expect, it } from 'vitest';
import { businessImpact, businessUrgency } from './offline/business-signals';
import { triageOffline } from './offline/triage-rules';
import { asksForPerson, asksHowToContact, asksOnlyForPerson, isGreeting, isThanks, soundsFrustrated } from './intents';

const KB = 100 * 1024;
const BOUND_MS = 2000;
const ADVERSARIAL: Record<string, string> = {
  spaces: `a${' '.repeat(KB)}b`,
  'repeated token': 'affect '.repeat(KB / 7),
  'repeated harm phrase without an end': 'disrupting our '.repeat(KB / 15),
  'talk to, never a person': 'talk to me '.repeat(KB / 11),
  'one long word': 'x'.repeat(KB),
  'accented letters': 'é'.repeat(KB),
  arabic: 'عاجل '.repeat(KB / 5),
  'punctuation runs': '!?.'.repeat(KB / 3),
  'urgent without end': 'urgent urgent '.repeat(KB / 14),
};

const FUNCTIONS: Record<string, (text: string) => unknown> = {
  triageOffline,
  businessUrgency,
  businessImpact,
  asksForPerson,
  asksOnlyForPerson,
  asksHowToContact,
  soundsFrustrated,
  isGreeting,
  isThanks,
};

describe('text functions on 100 KB adversarial input', () => {
  for (const [fn, f] of Object.entries(FUNCTIONS)) {
    it.each(Object.entries(ADVERSARIAL))(`${fn} finishes within ${BOUND_MS} ms on %s`, (_, text) => {
      const start = performance.now();
      f(text);
      expect(performance.now() - start).toBeLessThan(BOUND_MS);
    });
  }
});
