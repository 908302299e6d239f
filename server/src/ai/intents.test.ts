import { describe, expect, it } from 'vitest';
import { asksForPerson, asksHowToContact, soundsFrustrated } from './intents';

describe('asking for a person', () => {
  it.each([
    'can I talk to a human?',
    'agent please',
    'Agent',
    'I want to speak to a real person',
    'connect me with someone from support',
    'can you transfer me to an agent',
    'human please',
    'I need a human',
    'let me talk to customer service',
    'get me a live agent now',
  ])('recognises %j', (text) => expect(asksForPerson(text)).toBe(true));

  it.each([
    'How do I reset my password?',
    'my user agent string is wrong in the logs',
    'How do I add a person to my team?',
    'Which browsers do you support?',
    'is the human resources integration available',
  ])('does not hand off on %j', (text) => expect(asksForPerson(text)).toBe(false));
});

describe('other cues', () => {
  it('spots frustration', () => {
    expect(soundsFrustrated('this is useless')).toBe(true);
    expect(soundsFrustrated('WHY IS NOTHING WORKING')).toBe(true);
    expect(soundsFrustrated('How do I export my data?')).toBe(false);
  });
  it('spots a question about contacting support', () => {
    expect(asksHowToContact('How do I contact support?')).toBe(true);
    expect(asksHowToContact('how can I reset 2FA')).toBe(false);
  });
});
