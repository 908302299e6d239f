import type { Handoff, Source } from '../../../shared/protocol';
import type { Level } from '../../../shared/priority';

/** What Kai is given for one turn: the visitor's latest message and the visible history (never internal notes). */
export interface KaiInput {
  /** Whose knowledge base to answer from. */
  siteId: string;
  message: string;
  history: { role: 'visitor' | 'kai' | 'agent'; text: string }[];
  agentName: string;
  /** The handoff offer is made at most once per conversation. */
  offeredHandoff: boolean;
}

/** Kai's decision for one turn. */
export interface KaiTurn {
  action: 'answer' | 'offer_handoff' | 'handoff';
  reply: string;
  sources: Source[];
  /** 0..1: how sure the engine is that the reply answers the question. */
  confidence: number;
  handoffReason?: Handoff['reason'];
}

/** Urgency and impact assessed separately, each with a one-line reason; priority is the matrix's job. */
export interface TriageResult {
  urgency: Level;
  urgencyReason: string;
  impact: Level;
  impactReason: string;
  category: string;
  /** The customer's own words that show the urgency and impact. */
  evidence: string[];
}

/** The one interface both engines (embedded offline, LLM) implement; everything above it is the same. */
export interface KaiEngine {
  readonly kind: 'offline' | 'llm';
  respond(input: KaiInput, onToken?: (text: string) => void): Promise<KaiTurn>;
  triage(text: string): Promise<TriageResult>;
}
