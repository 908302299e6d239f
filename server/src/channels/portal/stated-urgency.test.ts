import { describe, expect, it } from 'vitest';
import type { TriageResult } from '../../ai/engine';
import { combineStatedUrgency } from './stated-urgency';

const triage = (urgency: TriageResult['urgency'], impact: TriageResult['impact']): TriageResult => ({
  urgency,
  impact,
  urgencyReason: 'A plain question',
  impactReason: 'One person',
  category: 'general',
  evidence: ['how do I export?'],
});

describe('combineStatedUrgency', () => {
  it('never lets a casual “critical” change impact, and raises urgency by one level at most', () => {
    const out = combineStatedUrgency(triage('low', 'low'), 'critical');
    expect(out.urgency).toBe('medium');
    expect(out.impact).toBe('low');
    expect(out.impactReason).toBe('One person');
    expect(out.urgencyReason).toContain('raised to medium');
    expect(out.urgencyReason).toContain('Critical, work has stopped');
    expect(out.evidence).toEqual(['how do I export?', 'How urgent is it for you? “Critical, work has stopped”']);
  });

  it('lets the customer’s timing take medium to high', () => {
    expect(combineStatedUrgency(triage('medium', 'high'), 'urgent')).toMatchObject({ urgency: 'high', impact: 'high' });
    expect(combineStatedUrgency(triage('medium', 'low'), 'critical')).toMatchObject({ urgency: 'high', impact: 'low' });
  });

  it('never lowers what the words show', () => {
    const out = combineStatedUrgency(triage('high', 'high'), 'not_urgent');
    expect(out).toMatchObject({ urgency: 'high', impact: 'high' });
    expect(out.urgencyReason).toBe('A plain question (the customer says: “Not urgent”)');
    expect(combineStatedUrgency(triage('medium', 'low'), 'soon').urgency).toBe('medium');
  });

  it('raises low to medium for “soon” and leaves low alone for “not urgent”', () => {
    expect(combineStatedUrgency(triage('low', 'medium'), 'soon').urgency).toBe('medium');
    expect(combineStatedUrgency(triage('low', 'medium'), 'not_urgent').urgency).toBe('low');
  });
});
