import type { ServerContext } from '../context';

/** What reaching customers needs: the server's context and the address mail comes from. */
export interface ReachContext extends ServerContext {
  /** Signs visitor tokens and CSAT links. */
  secret: string;
  supportEmail: string;
}
