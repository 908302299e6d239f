import type { ConversationState } from '../../../shared/protocol';
import type { KaiEngine } from '../ai/engine';
import type { CoreContext } from '../context';
import type { DbOrTx } from '../db/database';
import type { ConversationRow } from '../db/schema';
import { findTicketByConversation } from '../tickets/ticket.repository';
import { conversationStateOf } from '../tickets/visitor-view';

/** What conversation commands need beyond the core: Kai. */
export interface ConversationContext extends CoreContext {
  kai: KaiEngine;
}

/** What the messenger shows about a conversation (who answers, the ticket if any), read with `db` (or a transaction). */
export async function conversationState(ctx: CoreContext, db: DbOrTx, conversation: ConversationRow | undefined, timeZone: string | null): Promise<ConversationState> {
  const ticket = conversation ? await findTicketByConversation(db, conversation.id) : undefined;
  return conversationStateOf(ctx.operations.get(), conversation, ticket, timeZone, ctx.now());
}
