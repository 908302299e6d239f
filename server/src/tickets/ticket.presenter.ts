import type { ConversationMode, Message, RemoteTool, TicketAttachment, TicketDetail, TicketEvent, TicketSummary } from '../../../shared/protocol';
import { readHandoff } from '../db/json-columns';
import type { TicketEventRow, TicketRow } from '../db/schema';
import type { AttachmentRow } from '../attachments/attachment.repository';

/** The tags column (a JSON array); a row written before tags existed has none. */
export function readTags(column: string | undefined): string[] {
  if (!column) return [];
  const value = JSON.parse(column) as unknown;
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}

/** The one place a ticket row becomes what the API and the desk see. */
export function toTicketSummary(row: TicketRow): TicketSummary {
  return {
    id: row.id,
    number: Number(row.number),
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    urgency: row.urgency,
    impact: row.impact,
    channel: row.channel,
    centre: row.centre,
    requester: { name: row.requester_name, email: row.requester_email, timeZone: row.requester_time_zone },
    assigneeId: row.assignee_id,
    category: row.category,
    receivedAt: row.received_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    firstResponseDueAt: row.first_response_due_at,
    resolutionDueAt: row.resolution_due_at,
    firstRespondedAt: row.first_responded_at,
    nextResponseDueAt: row.next_response_due_at,
    nextDueAt: row.next_due_at,
    slaPausedAt: row.sla_paused_at,
    followUpOf: row.follow_up_of,
    mergedIntoId: row.merged_into_id,
    supportPlan: row.support_plan,
    withdrawnAt: row.withdrawn_at,
    outOfHours: Boolean(row.out_of_hours),
    siteId: row.site_id,
    tags: readTags(row.tags),
  };
}

export function toTicketAttachment(row: AttachmentRow): TicketAttachment {
  return { id: row.id, filename: row.filename, contentType: row.content_type, size: Number(row.size), messageId: row.message_id, image: Boolean(row.image) };
}

export function toTicketEvent(row: TicketEventRow): TicketEvent {
  return {
    id: row.id,
    type: row.type,
    actor: { kind: row.actor_kind, name: row.actor_name },
    from: row.from_value,
    to: row.to_value,
    reason: row.reason,
    createdAt: row.created_at,
  };
}

export function toTicketDetail(
  row: TicketRow,
  messages: Message[],
  events: TicketEventRow[],
  conversationMode: ConversationMode | null,
  /** The requester's remembered remote-support tool. */
  preferredTool: RemoteTool | null = null,
  /** Files the customer sent with email. */
  attachments: AttachmentRow[] = [],
): TicketDetail {
  return {
    ...toTicketSummary(row),
    description: row.description,
    conversationId: row.conversation_id,
    conversationMode,
    urgencyReason: row.urgency_reason,
    impactReason: row.impact_reason,
    handoff: readHandoff(row.handoff),
    senderVerified: row.sender_verified === null || row.sender_verified === undefined ? null : Boolean(row.sender_verified),
    messages,
    events: events.map(toTicketEvent),
    attachments: attachments.map(toTicketAttachment),
    preferredTool,
  };
}
