/**
 * "Your requests" inside the messenger (loaded lazily by RequestsPanel): the visitor's requests through the
 * self-service routes with `Authorization: Visitor <token>`.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { RequestsApi } from '../../requests/api';
import { RequestsModel } from '../../requests/RequestsModel';
import { RequestsView } from '../../requests/components/RequestsView';
import type { MessengerRequestsProps } from '../components/RequestsPanel';
import '../../requests/requests.css';

/** The requests model of one messenger; deleting the chat's own request starts the chat afresh. */
export function createMessengerRequests(messenger: MessengerRequestsProps['messenger']): RequestsModel {
  const { fetch, token } = messenger.selfService;
  const api = new RequestsApi({
    fetch,
    headers: (): Record<string, string> => {
      const t = token();
      return t ? { authorization: `Visitor ${t}` } : {};
    },
  });
  const { conversation } = messenger;
  // The chat's request when the list opened: the server's "chat closed" may arrive before the delete's answer.
  const chatTicketId = conversation.state.peek().ticket?.id ?? null;
  return new RequestsModel({
    api,
    onWithdrawn: (request) => {
      // The server closed that chat and erased its messages: drop our copy and sync the fresh state.
      if (request.id === chatTicketId || conversation.state.peek().ticket?.id === request.id) {
        conversation.clear({ keepOutbox: true });
        void conversation.sync();
      }
    },
  });
}

export function MessengerRequests({ messenger }: MessengerRequestsProps) {
  const model = useMemo(() => createMessengerRequests(messenger), [messenger]);
  useEffect(() => {
    void model.load();
  }, [model]);
  return <RequestsView model={model} />;
}
