import { describe, expect, it } from 'vitest';
import type { KaiTurn } from '../ai/engine';
import { DEFAULT_HANDOFF_RULES } from '../sites/site-settings';
import { isRepeating, policyHandoff, sameQuestion, withHandoffOffer } from './handoff-policy';

const answer: KaiTurn = { action: 'answer', reply: 'Here is how.', sources: [{ id: 'a', title: 'A', url: '/help/a' }], confidence: 0.9 };

describe('the offer of a person', () => {
  it('is added on frustration, once', () => {
    const t = withHandoffOffer(answer, { message: 'this is useless, nothing works', previousVisitorMessages: [], offeredHandoff: false });
    expect(t.action).toBe('offer_handoff');
    expect(t.reply).toMatch(/^I'm sorry this has been frustrating\. Here is how\.\n\nWould you like me to connect you with a person/);
    expect(withHandoffOffer(answer, { message: 'this is useless', previousVisitorMessages: [], offeredHandoff: true })).toBe(answer);
  });

  it('is added when the same question comes three turns running', () => {
    const q = 'how do I export my campaign report';
    expect(withHandoffOffer(answer, { message: q, previousVisitorMessages: [q], offeredHandoff: false }).action).toBe('answer');
    expect(withHandoffOffer(answer, { message: q, previousVisitorMessages: ['How can I export the campaign report?', q], offeredHandoff: false }).action).toBe('offer_handoff');
    expect(isRepeating(['reset password', 'billing address'], 'reset password')).toBe(false);
  });

  it('is added on low confidence and on a question about contacting support', () => {
    expect(withHandoffOffer({ ...answer, confidence: 0.3 }, { message: 'tell me about widgets', previousVisitorMessages: [], offeredHandoff: false }).action).toBe('offer_handoff');
    expect(withHandoffOffer(answer, { message: 'How do I contact support?', previousVisitorMessages: [], offeredHandoff: false }).action).toBe('offer_handoff');
  });

  it('leaves a confident answer to a calm new question alone', () => {
    expect(withHandoffOffer(answer, { message: 'How do I reset my password?', previousVisitorMessages: ['hi'], offeredHandoff: false })).toBe(answer);
  });

  it('compares questions by their meaningful words', () => {
    expect(sameQuestion('How do I reset my password?', 'how can I reset the password')).toBe(true);
    expect(sameQuestion('How do I reset my password?', 'How do I change my plan?')).toBe(false);
  });
});

describe('site rules that always hand off', () => {
  it('hands security off at once', () => {
    expect(policyHandoff(DEFAULT_HANDOFF_RULES, { category: 'security', verified: false, email: null, externalId: null })).toMatch(/security/);
    expect(policyHandoff(DEFAULT_HANDOFF_RULES, { category: 'billing', verified: false, email: null, externalId: null })).toBeNull();
  });

  it('hands a VIP off only when their identity is verified', () => {
    const rules = { ...DEFAULT_HANDOFF_RULES, vipEmails: ['ceo@bigcustomer.example'] };
    expect(policyHandoff(rules, { category: 'how_to', verified: true, email: 'CEO@bigcustomer.example', externalId: null })).toBe('VIP customer');
    expect(policyHandoff(rules, { category: 'how_to', verified: false, email: 'ceo@bigcustomer.example', externalId: null })).toBeNull();
  });
});
