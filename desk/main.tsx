/**
 * The desk's entry: builds the models once for this page and renders the app.
 * Nothing here is a module-level mutable global; everything hangs off `createDesk`'s result.
 */
import { render } from 'preact';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { DeskClientToServer, DeskServerToClient } from '../shared/protocol';
import { DeskApi } from './api';
import { SettingsApi } from './settings/settings-api';
import { App } from './components/App';
import { ClockModel } from './models/ClockModel';
import { DeskConnectionModel } from './models/DeskConnectionModel';
import { DeskModel } from './models/DeskModel';
import { HashRouteModel } from './models/HashRouteModel';
import { KaiPreviewModel } from './models/KaiPreviewModel';
import { KbModel } from './models/KbModel';
import { LogCallModel } from './models/LogCallModel';
import { QueueModel } from './models/QueueModel';
import { SessionModel } from './models/SessionModel';
import './desk.css';

function createDesk(win: Window) {
  let session: SessionModel | null = null;
  const api = new DeskApi({ onUnauthorized: () => session?.expire('Your session has ended. Sign in again.') });
  session = new SessionModel(api);
  const desk = new DeskModel({
    api,
    session,
    queue: new QueueModel(api),
    route: new HashRouteModel(win),
    kb: new KbModel(api),
    preview: new KaiPreviewModel(api),
    connect: (handlers) =>
      new DeskConnectionModel({
        handlers,
        createSocket: (): Socket<DeskServerToClient, DeskClientToServer> =>
          io('/desk', { withCredentials: true, autoConnect: false }),
      }),
  });
  const clock = new ClockModel(30_000);
  return {
    desk,
    clock,
    api,
    calls: new LogCallModel(api),
    dispose() {
      desk.dispose();
      desk.route.dispose();
      clock.dispose();
    },
  };
}

const root = document.getElementById('desk');
if (root) {
  const { desk, clock, api, calls, dispose } = createDesk(window);
  render(<App desk={desk} now={clock.now} calls={calls} remoteApi={api} settings={{ api: new SettingsApi(api), caller: api }} />, root);
  void desk.session.check();
  window.addEventListener('pagehide', (e) => {
    if (!e.persisted) dispose();
  });
}
