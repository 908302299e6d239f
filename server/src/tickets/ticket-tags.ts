import { MAX_TAGS_PER_TICKET } from '../../../shared/queue';
import type { TicketRow } from '../db/schema';
import { AppError } from '../errors';
import type { Work } from '../work';
import { readTags } from './ticket.presenter';
import { addTicketTags, insertTicketEvent, removeTicketTags, updateTicket, type Actor } from './ticket.repository';

/**
 * Adds and removes tags on a ticket, each one audited (`tag_added`, `tag_removed`). The ticket's `tags` column
 * (what the API shows) and `ticket_tags` (what filters read) are written together here and nowhere else.
 */
export async function changeTags(work: Work, ticket: TicketRow, change: { add?: string[]; remove?: string[] }, actor: Actor, at: Date): Promise<TicketRow> {
  const before = readTags(ticket.tags);
  const remove = new Set((change.remove ?? []).filter((t) => before.includes(t)));
  const add = [...new Set(change.add ?? [])].filter((t) => !before.includes(t) && !remove.has(t));
  if (!add.length && !remove.size) return ticket;
  const after = [...before.filter((t) => !remove.has(t)), ...add].sort();
  if (after.length > MAX_TAGS_PER_TICKET) throw new AppError('validation_failed', `tags: at most ${MAX_TAGS_PER_TICKET} on a ticket`);
  const tx = work.tx;
  await removeTicketTags(tx, ticket.id, [...remove]);
  await addTicketTags(tx, ticket.id, add);
  for (const tag of remove) await insertTicketEvent(tx, { ticketId: ticket.id, type: 'tag_removed', actor, from: tag, to: null, at });
  for (const tag of add) await insertTicketEvent(tx, { ticketId: ticket.id, type: 'tag_added', actor, from: null, to: tag, at });
  return updateTicket(tx, ticket.id, { tags: JSON.stringify(after), updated_at: at.toISOString() });
}
