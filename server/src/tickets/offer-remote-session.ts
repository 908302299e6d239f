import { isHolidayOrClosure, isOpenAt, localDateOf, nextOpenAt, type Calendar } from '../../../shared/calendar';
import { describeOpeningHours, formatInZone } from '../../../shared/hours-text';
import type { CentreId, Message, MessageCard, RemoteSession, RemoteSessionList, RemoteTool } from '../../../shared/protocol';
import { remoteToolName } from '../../../shared/remote-tools';
import type { CoreContext } from '../context';
import type { AgentRow, TicketRow } from '../db/schema';
import { AppError } from '../errors';
import type { Operations } from '../operations/operations';
import { customerKeys, insertRemoteSession, rememberPreferredTool } from './remote-session.repository';
import { addAgentMessage } from './ticket-messages';
import type { Work } from '../work';
import { findTicket, insertTicketEvent } from './ticket.repository';

/** A start time this close behind the clock still counts as "now" (the form's minute precision, typing time). */
export const START_GRACE_MS = 5 * 60_000;
/** How far ahead a session may be planned. */
export const MAX_LEAD_MS = 365 * 86_400_000;

/** The calendar a session's start must fall in: the ticket's support plan's, else its centre's. */
export function sessionCalendar(ops: Operations, ticket: Pick<TicketRow, 'centre' | 'support_plan'>): Calendar {
  const plan = ticket.support_plan ? ops.plans.find((p) => p.id === ticket.support_plan) : undefined;
  return plan?.calendar ?? ops.centres[ticket.centre as CentreId] ?? ops.centres.uk;
}

/** When a session may start, for the desk's hint. */
export function sessionHours(calendar: Calendar, now: Date): RemoteSessionList['hours'] {
  const next = nextOpenAt(calendar, now.getTime());
  return {
    calendar: calendar.name,
    timeZone: calendar.timeZone,
    text: describeOpeningHours(calendar),
    openNow: isOpenAt(calendar, now.getTime()),
    nextOpenAt: next === null ? null : new Date(next).toISOString(),
  };
}

function nextOpeningText(calendar: Calendar, from: number): string {
  const next = nextOpenAt(calendar, from);
  if (next === null) return `the ${calendar.name} has no opening within a year`;
  if (next === from) return `the ${calendar.name} is open now`;
  return `the ${calendar.name} next opens ${formatInZone(next, calendar.timeZone)} (${new Date(next).toISOString()})`;
}

/**
 * Why a session cannot start at `startsAt`, or null: not in the past, within a year, and inside the business
 * hours of `calendar` (holidays included). The message names the next opening so the agent can pick it.
 */
export function startTimeProblem(calendar: Calendar, startsAt: Date, now: Date): string | null {
  const t = startsAt.getTime();
  const when = formatInZone(t, calendar.timeZone);
  if (t < now.getTime() - START_GRACE_MS) return `startsAt: ${when} is in the past; ${nextOpeningText(calendar, now.getTime())}`;
  if (t > now.getTime() + MAX_LEAD_MS) return 'startsAt: must be within a year';
  if (isOpenAt(calendar, t)) return null;
  const holiday = isHolidayOrClosure(calendar, localDateOf(calendar.timeZone, t)) ? ', a holiday' : '';
  return `startsAt: ${when} is outside the hours of the ${calendar.name} (${describeOpeningHours(calendar)}${holiday}); ${nextOpeningText(calendar, t)}`;
}

const utcFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * The message text that goes with the card, so email and transcripts carry the invitation:
 * "Alex invited you to a Zoom session: https://zoom.us/j/1 (Tue 14 Jan, 15:00 UTC)" and the note below.
 */
export function invitationText(props: { agentName: string; tool: RemoteTool; url: string; startsAt: Date | null; note: string | null }): string {
  const what = props.tool === 'other' ? 'a remote session' : `a ${remoteToolName(props.tool)} session`;
  const when = props.startsAt ? ` (${utcFormat.format(props.startsAt)} UTC)` : '';
  return `${props.agentName} invited you to ${what}: ${props.url}${when}${props.note ? `\n${props.note}` : ''}`;
}

export interface OfferRemoteSessionInput {
  ticketId: string;
  agent: Pick<AgentRow, 'id' | 'name'>;
  tool: RemoteTool;
  /** Already checked against the tool's hosts and normalised (shared/remote-tools.ts). */
  url: string;
  startsAt: Date | null;
  note: string | null;
}

/**
 * Offers a remote-support session on a ticket: checks the start time against the ticket's business hours,
 * stores the session, remembers the requester's tool, records the audit event, and posts a public agent
 * message with the card (live to the visitor, mailed on an email ticket like any public reply), all in one
 * transaction.
 */
export async function offerRemoteSession(ctx: CoreContext, work: Work, input: OfferRemoteSessionInput): Promise<{ session: RemoteSession; message: Message }> {
  const now = ctx.now();
  const ticket = await findTicket(work.tx, input.ticketId);
  if (!ticket) throw new AppError('not_found', 'No such ticket');
  if (ticket.withdrawn_at) throw new AppError('conflict', 'The customer withdrew this ticket');
  if (ticket.status === 'closed') throw new AppError('conflict', 'A closed ticket cannot get a remote session');
  if (input.startsAt) {
    const problem = startTimeProblem(sessionCalendar(ctx.operations.get(), ticket), input.startsAt, now);
    if (problem) throw new AppError('validation_failed', problem);
  }
  const toolName = remoteToolName(input.tool);
  const startsAt = input.startsAt ? input.startsAt.toISOString() : null;
  const card: MessageCard = { type: 'remote_session', tool: input.tool, toolName, url: input.url, startsAt, note: input.note };
  const { message } = await addAgentMessage(ctx, work, {
    ticketId: ticket.id,
    agent: input.agent,
    body: invitationText({ agentName: input.agent.name, tool: input.tool, url: input.url, startsAt: input.startsAt, note: input.note }),
    internal: false,
    card,
  });
  const session = await insertRemoteSession(work.tx, { ticketId: ticket.id, tool: input.tool, url: input.url, startsAt, note: input.note, agentId: input.agent.id, now });
  await rememberPreferredTool(work.tx, customerKeys(ticket), input.tool, now);
  await insertTicketEvent(work.tx, {
    ticketId: ticket.id,
    type: 'remote_session_offered',
    actor: { kind: 'agent', id: input.agent.id, name: input.agent.name },
    to: input.tool,
    reason: `${toolName} ${input.url}${startsAt ? ` at ${startsAt}` : ', now'}`,
    at: now,
  });
  return { session, message };
}
