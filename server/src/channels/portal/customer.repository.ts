/** The customer portal's storage: the lookups only the portal makes. */
import type { DbOrTx } from '../../db/database';
import type { TicketRow } from '../../db/schema';

/** The follow-up of a ticket started by the message with this client id (a retried follow-up finds the first one). */
export async function findFollowUpByClientId(db: DbOrTx, ticketId: string, clientId: string): Promise<TicketRow | undefined> {
  return db
    .selectFrom('tickets')
    .innerJoin('messages', 'messages.conversation_id', 'tickets.conversation_id')
    .selectAll('tickets')
    .where('tickets.follow_up_of', '=', ticketId)
    .where('messages.client_id', '=', clientId)
    .executeTakeFirst();
}
