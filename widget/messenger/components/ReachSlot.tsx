import type { Messenger } from '../messenger';
import { useLazyComponent } from './lazy';

export interface ReachSlotProps {
  messenger: Messenger;
}

const loadCards = () => import('../reach/ReachCards').then((m) => m.ReachCards);

/** After a handoff: the email question, the transcript button and the CSAT card, in a chunk loaded then. */
export function ReachSlot({ messenger }: ReachSlotProps) {
  const Cards = useLazyComponent(loadCards);
  return Cards && Cards !== 'failed' ? <Cards messenger={messenger} /> : null;
}
