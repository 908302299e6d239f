/**
 * Row types of every table, as Kysely sees them. Times are ISO 8601 UTC strings, booleans 0/1 integers and
 * structured values JSON text, so SQLite and PostgreSQL store the same thing.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Level } from '../../../shared/priority';
import type { AuthorKind, CentreId, Channel, ConversationMode, RemoteTool, TicketStatus } from '../../../shared/protocol';

/** Who did something recorded in the audit trail. */
export type ActorKind = 'agent' | 'customer' | 'ai' | 'system';
/** An agent's role. */
export type AgentRole = 'admin' | 'agent';

export interface SettingTable {
  key: string;
  value: string;
}

export interface SiteTable {
  id: string;
  key: string;
  name: string;
  /** JSON string[] of allowed origins; `*` may stand for a port: `http://localhost:*`. */
  allowed_origins: string;
  /** JSON of the public look: agentName, color, greeting, position, language. */
  settings: string;
  created_at: string;
}

export interface VisitorTable {
  id: string;
  site_id: string;
  external_id: string | null;
  name: string | null;
  /** Verified only: the email inside the site's signed JWT. */
  email: string | null;
  /** An email the host page passed outside a signed JWT: shown to agents, never used to match requests. */
  claimed_email: string | null;
  time_zone: string | null;
  language: string | null;
  verified: number;
  created_at: string;
  last_seen_at: string;
  /** The messenger's browser (User-Agent), the host page it sat on, and that page's referrer. */
  user_agent: Generated<string | null>;
  page_url: Generated<string | null>;
  page_title: Generated<string | null>;
  referrer: Generated<string | null>;
  /** JSON { key: string | number | boolean } the host page passed in `boot` (claims: never verified). */
  attributes: Generated<string | null>;
}

export interface ConversationTable {
  id: string;
  site_id: string;
  visitor_id: string | null;
  mode: ConversationMode;
  last_seq: number;
  /** The handoff offer is made at most once per conversation. */
  offered_handoff: number;
  created_at: string;
  updated_at: string;
}

export interface MessageTable {
  id: string;
  conversation_id: string;
  seq: number;
  client_id: string | null;
  author_kind: AuthorKind;
  author_name: string;
  author_id: string | null;
  body: string;
  internal: number;
  /** JSON Source[] */
  sources: string;
  created_at: string;
  /** Quoted history of an email reply, folded away in the desk. */
  quoted: string | null;
  /** JSON MessageCard (a remote-session invitation). */
  card: string | null;
  /** JSON MessageAttachment[]: the files this message carries (null when none). */
  attachments: string | null;
}

export interface TicketTable {
  id: string;
  number: number;
  site_id: string;
  conversation_id: string | null;
  subject: string;
  description: string;
  status: TicketStatus;
  urgency: Level;
  impact: Level;
  priority: Level;
  urgency_reason: string | null;
  impact_reason: string | null;
  category: string;
  channel: Channel;
  requester_name: string | null;
  requester_email: string | null;
  requester_time_zone: string | null;
  visitor_id: string | null;
  centre: CentreId;
  assignee_id: string | null;
  received_at: string;
  created_at: string;
  updated_at: string;
  first_response_due_at: string | null;
  resolution_due_at: string | null;
  /** The earliest of the open deadlines, for ordering the queue with an index. */
  next_due_at: string | null;
  first_responded_at: string | null;
  solved_at: string | null;
  /** JSON Handoff */
  handoff: string | null;
  /** Set while a customer's message waits for the agent's next reply. */
  next_response_due_at: string | null;
  next_response_started_at: string | null;
  /** When the clocks were paused (pending on the customer, or solved); null while they run. */
  sla_paused_at: string | null;
  /** Business minutes the clocks have been paused in all, added to the first-response and resolution targets. */
  sla_paused_minutes: number;
  /** The deadline a warning / breach event was last sent for (each is sent once per deadline). */
  sla_warned_for: string | null;
  sla_breached_for: string | null;
  /** The closed ticket this one follows up. */
  follow_up_of: string | null;
  /** The extended-support arrangement whose calendar the SLA runs on, if any. */
  support_plan: string | null;
  /** The requester's home centre, for routing again at a centre's close. */
  home_centre: CentreId | null;
  /** When the customer withdrew (deleted) it; its personal content is erased. */
  withdrawn_at: string | null;
  /** A phone call received outside the phone line's hours. */
  out_of_hours: number;
  /** JSON string[], sorted: the ticket's tags (ticket_tags holds the same, for filtering). */
  tags: Generated<string>;
  /** The ticket this one was merged into (it is closed; its messages show in that one). */
  merged_into_id: Generated<string | null>;
  /** Email tickets: 1 when the From address was authenticated (DMARC, aligned DKIM or SPF), else 0; null for other channels. */
  sender_verified: Generated<number | null>;
  /** The language its customer used when it was created (BCP 47, as given); null when nothing said. */
  language: Generated<string | null>;
}

export interface TicketEventTable {
  id: string;
  ticket_id: string;
  type: string;
  actor_kind: ActorKind;
  actor_id: string | null;
  actor_name: string;
  from_value: string | null;
  to_value: string | null;
  reason: string | null;
  created_at: string;
}

export interface AgentTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: AgentRole;
  /** 0 once an admin deactivates the agent: no sign-in, no session, token or socket. */
  active: Generated<number>;
  /** 1 for the first run's generated password: the agent must choose a new one first. */
  must_change_password: Generated<number>;
  created_at: string;
  /** JSON string[] of the operations centres the agent works in; `[]`: every centre. */
  centres: Generated<string>;
}

export interface SessionTable {
  /** sha256 of the cookie token; the token itself is never stored. */
  id: string;
  agent_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  agent_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  /** Null: never expires. */
  expires_at: string | null;
}

export interface IdentitySecretTable {
  id: string;
  site_id: string;
  /** jwt | user_hash */
  kind: string;
  secret: string;
  created_at: string;
}

export interface KbArticleTable {
  id: string;
  site_id: string;
  slug: string;
  title: string;
  body: string;
  url: string | null;
  tags: string;
  created_at: string;
  updated_at: string;
}

export interface EmailMessageTable {
  message_id: string;
  ticket_id: string;
  direction: 'in' | 'out';
  created_at: string;
}

export interface EmailOutboxTable {
  id: string;
  ticket_id: string | null;
  /** The ticket message this mail carries (an agent's reply), so each is queued exactly once. */
  source_message_id: string | null;
  /** acknowledgement | reply | login_link | remote_session | … */
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  message_id: string;
  in_reply_to: string | null;
  references: string | null;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface AttachmentTable {
  id: string;
  ticket_id: string;
  message_id: string | null;
  filename: string;
  content_type: string;
  size: number;
  storage_key: string;
  created_at: string;
  /** 1 when the bytes were checked to be an image of `content_type` (only then is it shown inline). */
  image: Generated<number>;
  /** `visitor:<id>` or `agent:<id>` for a chat upload (a pending one is attachable only by them); null for mail. */
  uploaded_by: string | null;
}

export interface QuarantineTable {
  id: string;
  reason: string;
  sender: string | null;
  subject: string | null;
  storage_key: string | null;
  /** Bytes of the kept raw mail (0008_mail); null when none was kept. */
  size: number | null;
  created_at: string;
}

export interface CustomerLoginTokenTable {
  /** sha256 of the one-time token. */
  id: string;
  site_id: string;
  email: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface CustomerSessionTable {
  /** sha256 of the cookie token. */
  id: string;
  site_id: string;
  email: string;
  created_at: string;
  expires_at: string;
}

export interface RemoteSessionTable {
  id: string;
  ticket_id: string;
  tool: RemoteTool;
  url: string;
  starts_at: string | null;
  note: string | null;
  agent_id: string | null;
  created_at: string;
}

export interface CustomerPreferenceTable {
  /** `email:<address>` or `visitor:<id>` */
  customer_key: string;
  preferred_tool: RemoteTool | null;
  updated_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  ip: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  site_id: string | null;
  /** JSON { field: { from, to } }; never a secret or a password. */
  changes: string;
}

/** A one-time link mailed to an agent: an invitation to set a first password, or a password reset. */
export interface AgentLinkTable {
  /** sha256 of the mailed token. */
  id: string;
  agent_id: string;
  purpose: 'invite' | 'reset';
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Where a site's messenger last started a session: one row per site and host-page origin. */
export interface SiteOriginSeenTable {
  site_id: string;
  origin: string;
  last_seen_at: string;
}

export interface CsatResponseTable {
  id: string;
  ticket_id: string;
  site_id: string;
  /** 1 (bad) to 5 (great). */
  rating: number;
  comment: string | null;
  answered_via: 'chat' | 'email' | 'portal';
  created_at: string;
}

export interface WebhookTable {
  id: string;
  url: string;
  description: string;
  /** JSON array of event types. */
  events: string;
  /** whsec_<base64>; never in logs or the audit log. */
  secret: string;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface TicketTagTable {
  ticket_id: string;
  tag: string;
}

/** A saved queue view: personal (owner_id) or shared with the team (owner_id null). */
export interface ViewTable {
  id: string;
  name: string;
  owner_id: string | null;
  /** JSON ViewFilters (shared/views.ts). */
  filters: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveryTable {
  /** Also the `webhook-id` header of every attempt. */
  id: string;
  webhook_id: string;
  event_type: string;
  ticket_id: string | null;
  /** The exact JSON body sent. */
  payload: string;
  status: 'queued' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_attempt_at: string | null;
  response_status: number | null;
  duration_ms: number | null;
  response_excerpt: string | null;
  created_at: string;
  delivered_at: string | null;
}

/** The email a messenger visitor gave; mail other than its confirmation goes to it only once `confirmed_at` is set. */
export interface VisitorEmailTable {
  visitor_id: string;
  email: string;
  token_hash: string;
  confirm_message_id: string | null;
  confirmed_at: string | null;
  created_at: string;
}

export type ReachStatus = 'waiting' | 'seen' | 'mailed' | 'unreachable';

/** How one agent reply reached the customer; `due_at` is when an unseen one is mailed. */
export interface ReplyReachTable {
  message_id: string;
  ticket_id: string;
  status: ReachStatus;
  due_at: string | null;
  outbox_id: string | null;
  updated_at: string;
}

/** A ticket's CSAT question was asked (once per ticket, whatever happens to it later). */
export interface CsatRequestTable {
  ticket_id: string;
  asked_via: 'chat' | 'email' | 'portal';
  created_at: string;
}

export interface Database {
  settings: SettingTable;
  sites: SiteTable;
  visitors: VisitorTable;
  conversations: ConversationTable;
  messages: MessageTable;
  tickets: TicketTable;
  ticket_events: TicketEventTable;
  agents: AgentTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  identity_secrets: IdentitySecretTable;
  kb_articles: KbArticleTable;
  email_messages: EmailMessageTable;
  email_outbox: EmailOutboxTable;
  attachments: AttachmentTable;
  quarantine: QuarantineTable;
  customer_login_tokens: CustomerLoginTokenTable;
  customer_sessions: CustomerSessionTable;
  remote_sessions: RemoteSessionTable;
  customer_preferences: CustomerPreferenceTable;
  audit_log: AuditLogTable;
  csat_responses: CsatResponseTable;
  visitor_emails: VisitorEmailTable;
  reply_reach: ReplyReachTable;
  csat_requests: CsatRequestTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  agent_links: AgentLinkTable;
  site_origins_seen: SiteOriginSeenTable;
  ticket_tags: TicketTagTable;
  views: ViewTable;
  macros: MacroTable;
  agent_preferences: AgentPreferenceTable;
  message_search_pending: MessageSearchPendingTable;
}

/** SQLite only: messages written since the search index was last brought up to date (migration 0019). */
export interface MessageSearchPendingTable {
  message_id: string;
}

/** A saved reply: personal (owner_id) or shared (null owner, managed by admins). */
export interface MacroTable {
  id: string;
  owner_id: string | null;
  title: string;
  body: string;
  set_status: TicketStatus | null;
  set_urgency: Level | null;
  set_impact: Level | null;
  /** JSON string[] */
  tags: string;
  created_at: string;
  updated_at: string;
}

/** One agent's notification choices (JSON), kept server-side so every browser of theirs follows them. */
export interface AgentPreferenceTable {
  agent_id: string;
  notifications: string;
  updated_at: string;
}

export type TicketRow = Selectable<TicketTable>;
export type NewTicket = Insertable<TicketTable>;
export type TicketUpdate = Updateable<TicketTable>;
export type MessageRow = Selectable<MessageTable>;
export type ConversationRow = Selectable<ConversationTable>;
export type AgentRow = Selectable<AgentTable>;
export type SiteRow = Selectable<SiteTable>;
export type VisitorRow = Selectable<VisitorTable>;
export type KbArticleRow = Selectable<KbArticleTable>;
export type TicketEventRow = Selectable<TicketEventTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type CsatResponseRow = Selectable<CsatResponseTable>;
export type WebhookRow = Selectable<WebhookTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;
export type ViewRow = Selectable<ViewTable>;
// Generated is re-exported so table files can mark server-filled columns later without another import.
export type { Generated };
