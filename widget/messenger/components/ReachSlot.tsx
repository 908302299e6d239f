import type { Messenger } from '../messenger';
import { lazyView } from './lazy';

export interface ReachSlotProps {
  messenger: Messenger;
}

/** After a handoff: the email question, the transcript button and the CSAT card, in a chunk loaded then. */
export const ReachSlot = lazyView<ReachSlotProps>(() => import('../reach/ReachCards').then((m) => m.ReachCards));
