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
import { QueueViewsModel } from './models/QueueViewsModel';
import { effect } from '@preact/signals';
import { MacrosModel } from './models/MacrosModel';
import { NotificationModel, beep, type NotificationHost } from './models/NotificationModel';
import { TeamModel } from './models/TeamModel';
import { DeskLanguageModel, type DeskTexts } from './i18n/i18n';
import { DeskLanguageProvider } from './i18n/LanguagePicker';
import './desk.css';

/** The page's localStorage, or null where the browser refuses it. */
function storageOf(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

/** The real browser behind the desk's notifications: the title, WebAudio, the Notification API. */
function browserNotifications(win: Window): NotificationHost {
  const supported = 'Notification' in win;
  return {
    baseTitle: win.document.title,
    setTitle: (title) => {
      win.document.title = title;
    },
    isAttending: () => win.document.visibilityState === 'visible' && win.document.hasFocus(),
    beep: () => beep(win),
    showDesktop: (text, onClick) => {
      const n = new Notification('Frontdesk', { body: text });
      n.onclick = () => {
        win.focus();
        onClick();
      };
    },
    permission: () => (supported ? Notification.permission : 'unsupported'),
    requestPermission: () => (supported ? Notification.requestPermission() : Promise.resolve('denied')),
  };
}

function createDesk(win: Window) {
  const language = new DeskLanguageModel({ storage: storageOf(win), browserLanguages: win.navigator.languages ?? [win.navigator.language], root: win.document.documentElement });
  void language.load();
  const texts = (): DeskTexts => language.texts.value;
  let session: SessionModel | null = null;
  const api = new DeskApi({ onUnauthorized: () => session?.expire(texts().t('sessionEnded')) });
  session = new SessionModel(api, texts);
  let deskRef: DeskModel | null = null;
  const notifications = new NotificationModel(
    browserNotifications(win),
    { load: () => api.notificationPreferences(), save: (p) => api.saveNotificationPreferences(p) },
    (id) => deskRef?.openTicket(id),
  );
  const macros = new MacrosModel(api, texts);
  const desk = new DeskModel({
    api,
    session,
    queue: new QueueModel(api, texts),
    views: new QueueViewsModel(api),
    route: new HashRouteModel(win),
    kb: new KbModel(api, texts),
    preview: new KaiPreviewModel(api, texts),
    connect: (handlers) =>
      new DeskConnectionModel({
        handlers,
        createSocket: (): Socket<DeskServerToClient, DeskClientToServer> =>
          io('/desk', { withCredentials: true, autoConnect: false }),
      }),
    team: (connection) => new TeamModel(api, (status) => connection.setPresence(status)),
    notify: (notice) => notifications.notify(notice),
    texts,
  });
  deskRef = desk;
  // Any input counts as being here (back from idle); coming back to the tab clears the title's count.
  const active = () => {
    desk.team?.noteActivity();
    notifications.seen();
  };
  win.addEventListener('keydown', active);
  win.addEventListener('pointerdown', active);
  win.addEventListener('focus', () => notifications.seen());
  const stopSignedIn = effect(() => {
    if (session?.status.value === 'signed_in') {
      void notifications.load();
      void macros.load();
    }
  });
  const clock = new ClockModel(30_000);
  return {
    desk,
    language,
    clock,
    api,
    calls: new LogCallModel(api, texts),
    teamDesk: { macros, notifications, api },
    dispose() {
      stopSignedIn();
      desk.dispose();
      desk.route.dispose();
      clock.dispose();
    },
  };
}

const root = document.getElementById('desk');
if (root) {
  const { desk, language, clock, api, calls, teamDesk, dispose } = createDesk(window);
  render(
    <DeskLanguageProvider model={language}>
      <App desk={desk} now={clock.now} calls={calls} remoteApi={api} teamDesk={teamDesk} settings={{ api: new SettingsApi(api), caller: api }} ticketApi={api} />
    </DeskLanguageProvider>,
    root,
  );
  void desk.session.check();
  window.addEventListener('pagehide', (e) => {
    if (!e.persisted) dispose();
  });
}
