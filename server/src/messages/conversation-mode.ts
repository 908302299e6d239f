import type { ConversationMode } from '../../../shared/protocol';
import type { Tx } from '../db/database';
import type { ConversationRow } from '../db/schema';
import { AppError } from '../errors';
import { setConversationMode } from './message.repository';

/**
 * Who answers in a conversation, and the moves it may make: Kai answers (`ai`) until a handoff (`waiting` for a
 * person), an agent's reply puts a person in charge (`human`), an agent may hand it back to Kai, a follow-up after a
 * closed ticket waits for a person again, an agent who replies in a chat Kai has back takes it again, and withdrawing the request closes it for good.
 */
export const MODE_TRANSITIONS: Record<ConversationMode, readonly ConversationMode[]> = {
  ai: ['waiting', 'human', 'closed'],
  waiting: ['human', 'ai', 'closed'],
  human: ['ai', 'waiting', 'closed'],
  closed: [],
};

/** Moves a conversation's mode through MODE_TRANSITIONS (staying put is no move); returns the new mode. */
export async function changeConversationMode(tx: Tx, conversation: Pick<ConversationRow, 'id' | 'mode'>, to: ConversationMode, now: Date): Promise<ConversationMode> {
  if (conversation.mode === to) return to;
  if (!MODE_TRANSITIONS[conversation.mode].includes(to)) throw new AppError('conflict', `A conversation in mode ${conversation.mode} cannot move to ${to}`);
  await setConversationMode(tx, conversation.id, to, now);
  return to;
}
