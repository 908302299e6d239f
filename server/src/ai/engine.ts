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
  /** The visitor's language (BCP 47, from the browser or the site); Kai replies in the visitor's language. */
  language?: string;
  /**
   * The visitor's own requests, offered only when the visitor is identified (signed-in user or known email).
   * Never another customer's.
   */
  lookupRequests?: () => Promise<VisitorRequestSummary[]>;
}

/** One of the visitor's own requests, as Kai may mention it. */
export interface VisitorRequestSummary {
  number: number;
  subject: string;
  status: string;
  updatedAt: string;
}

/** Kai's decision for one turn. */
export interface KaiTurn {
  action: 'answer' | 'offer_handoff' | 'handoff';
  reply: string;
  sources: Source[];
  /** 0..1: how sure the engine is that the reply answers the question. */
  confidence: number;
  handoffReason?: Handoff['reason'];
  /** On a handoff, the engine's own assessment (the LLM's hand_off tool); else the caller triages. */
  triage?: TriageResult;
  /** On a handoff, the engine's one- or two-sentence summary of the problem. */
  summary?: string;
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
  /**
   * One turn. `onToken` receives the reply's text as it is produced (deltas, in order); the returned turn
   * holds the whole reply, which is what gets stored. Never throws for model failures: those become a
   * handoff with reason `ai_unavailable`.
   */
  respond(input: KaiInput, onToken?: (delta: string) => void): Promise<KaiTurn>;
  triage(text: string): Promise<TriageResult>;
}
