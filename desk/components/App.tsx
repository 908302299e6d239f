import type { ReadonlySignal } from '@preact/signals';
import type { DeskModel } from '../models/DeskModel';
import type { LogCallModel } from '../models/LogCallModel';
import type { RemoteSessionApi } from '../models/RemoteSessionModel';
import { parseLinkToken, parseSettingsHash } from '../models/HashRouteModel';
import { SetPasswordPage } from '../settings/SetPasswordPage';
import { SettingsArea } from '../settings/SettingsArea';
import type { SettingsApi, SettingsCaller } from '../settings/settings-api';
import type { DeskApi } from '../api';
import { KnowledgeBasePage } from './KnowledgeBasePage';
import { LogCall } from './LogCall';
import { QueuePanel, type QueueActions } from './QueuePanel';
import { SignInForm } from './SignInForm';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TicketPane } from './TicketPane';
import { ReportsPage } from '../reports/ReportsPage';
import { TopBar } from './TopBar';
import { TeamStatus } from './TeamStatus';
import { MacroManager } from './MacroManager';
import type { TeamPaneTools } from './TicketPane';
import type { MacrosModel } from '../models/MacrosModel';
import type { NotificationModel } from '../models/NotificationModel';
import { useDeskT } from '../i18n/i18n';

export interface AppProps {
  desk: DeskModel;
  /** The ticking clock for relative times. */
  now: ReadonlySignal<number>;
  /** `Log a call` (phone tickets); without it the button is not shown. */
  calls?: LogCallModel;
  /** Remote sessions on the open ticket; without it `Offer remote session` is not shown. */
  remoteApi?: RemoteSessionApi;
  /** The team desk: presence, assigning, macros, customer context, notifications. */
  teamDesk?: { macros: MacrosModel; notifications: NotificationModel; api: TeamPaneTools['api'] } | undefined;
  /** The settings area (`#/settings/…`) and the page of invitation and reset links; without it neither is shown. */
  settings?: { api: SettingsApi; caller: SettingsCaller };
  /** Ticket changes for the queue's keyboard shortcuts and bulk actions; without it there are neither. */
  ticketApi?: Pick<DeskApi, 'updateTicket' | 'bulkChange'>;
}

/** Sign-in until there is a session; then the two-pane desk (queue left, ticket right), or the knowledge base. */
export function App({ desk, now, calls, remoteApi, teamDesk, settings, ticketApi }: AppProps) {
  const status = desk.session.status.value;
  const agent = desk.session.agent.value;
  const page = desk.route.page.value;
  const t = useDeskT();
  // An invitation or reset link works signed out (it is how an invited agent gets a password).
  if (page === 'set-password' && settings) return <SetPasswordPage api={settings.api} token={parseLinkToken(desk.route.hash.value)} />;
  if (status === 'checking') return <p class="boot">{t.t('loadingDesk')}</p>;
  if (status === 'signed_out' || !agent) return <SignInForm session={desk.session} />;
  if (status === 'must_change_password') return <ChangePasswordForm session={desk.session} />;

  const current = desk.current.value;
  const { connection } = desk;
  const team = desk.team;
  const topBar = (
    <TopBar agent={agent} connection={connection.status.value} page={page} onSignOut={() => void desk.session.logout()}>
      {team && <TeamStatus team={team} notifications={teamDesk?.notifications} />}
    </TopBar>
  );
  const paneTools: TeamPaneTools | undefined =
    team && teamDesk ? { model: team, selfId: agent.id, macros: teamDesk.macros.macros.value, api: teamDesk.api, open: (id) => desk.openTicket(id) } : undefined;
  if (page === 'reports') {
    return (
      <div class="desk">
        {topBar}
        <ReportsPage />
      </div>
    );
  }
  if (page === 'settings' && settings) {
    return (
      <div class="desk">
        {topBar}
        <SettingsArea api={settings.api} caller={settings.caller} agent={agent} pageId={parseSettingsHash(desk.route.hash.value)} />
      </div>
    );
  }
  if (page === 'kb') {
    return (
      <div class="desk">
        {topBar}
        <KnowledgeBasePage kb={desk.kb} preview={desk.preview} />
      </div>
    );
  }
  return (
    <div class="desk">
      {topBar}
      {teamDesk && <MacroManager macros={teamDesk.macros} isAdmin={agent.role === 'admin'} />}
      <main class="desk__panes">
        <QueuePanel
          queue={desk.queue}
          now={now}
          selectedId={current?.id ?? null}
          actions={calls && <LogCall model={calls} onCreated={(id) => desk.openTicket(id)} />}
          views={desk.views}
          queueActions={ticketApi && queueActionsOf(ticketApi, agent.id, (id) => desk.openTicket(id))}
        />
        {current ? (
          <TicketPane
            key={current.id}
            ticket={current}
            now={now}
            onTyping={(id) => connection.noteTyping(id)}
            onStopTyping={(id) => connection.setTyping(id, false)}
            onClose={() => desk.closeTicket()}
            remoteApi={remoteApi}
            team={paneTools}
          />
        ) : (
          <section class="ticket ticket--empty" aria-label={t.t('ticket')}>
            <p class="muted">{t.t('selectFromQueue')}</p>
          </section>
        )}
      </main>
      {/* Outside the queue region and without the subject, so it never doubles a row's text. */}
      <p class="sr-only" aria-live="polite">
        {desk.queue.announcement.value}
      </p>
    </div>
  );
}

/** The queue's actions over the REST API (changes come back live as `ticket:updated`). */
function queueActionsOf(api: Pick<DeskApi, 'updateTicket' | 'bulkChange'>, meId: string, open: (id: string) => void): QueueActions {
  return {
    meId,
    open,
    change: async (id, changes) => {
      await api.updateTicket(id, changes);
    },
    bulk: async (ids, changes) => {
      const result = await api.bulkChange(ids, changes);
      return { changed: result.changed.length, failed: result.failed.length };
    },
  };
}
