import { useSignal, useSignalEffect } from '@preact/signals';
import type { TargetedKeyboardEvent } from 'preact';
import type { ConversationMode } from '../../../shared/protocol';
import { readableOn, safeColor, textColorOn } from '../../color';
import { I18nContext } from '../../i18n/context';
import type { Translator } from '../../i18n/i18n';
import type { Messenger } from '../messenger';
import { UNREACHABLE } from '../models/conversation';
import { ArticlesPanel } from './ArticlesPanel';
import { AvailabilityNote } from './AvailabilityNote';
import { Composer } from './Composer';
import { AttachSlot, FilesContext } from './FilesSlot';
import { HandoffBanner } from './HandoffBanner';
import { Header } from './Header';
import { MessageLog } from './MessageLog';
import { ReachSlot } from './ReachSlot';
import { RequestsPanel, RequestsToggle } from './RequestsPanel';
import { StatusLine } from './StatusLine';

function subtitle(i18n: Translator, mode: ConversationMode, agentName: string): string {
  if (mode === 'waiting') return i18n.t('subtitleWaiting');
  if (mode === 'human') return i18n.t('subtitleHuman');
  if (mode === 'closed') return i18n.t('subtitleClosed');
  return i18n.t('subtitleAi', { agent: agentName });
}

export interface AppProps {
  messenger: Messenger;
}

/**
 * The whole messenger: header, connection line, the team's availability (until a handoff: then the ticket
 * banner's promise says what matters), handoff banner, conversation log and composer.
 */
export function App({ messenger }: AppProps) {
  const { connection, conversation, preferences } = messenger;
  const i18n = preferences.i18n.value;
  const notice = conversation.notice.value;
  const site = connection.site.value;
  const agentName = site?.agentName ?? 'Kai';
  const connected = conversation.connected.value;
  const state = conversation.state.value;
  const handedOff = state.mode !== 'ai' || state.ticket !== null;
  /** "Your requests" shows instead of the chat (which stays mounted, hidden, so nothing in it is lost). */
  const requestsOpen = useSignal(false);
  const articlesOpen = useSignal(false);
  const backFromArticles = (draft: string): void => {
    articlesOpen.value = false;
    if (draft) conversation.draft.value = draft;
    messenger.focusComposer();
  };
  const toggleRequests = (): void => {
    requestsOpen.value = !requestsOpen.value;
    if (!requestsOpen.value) messenger.focusComposer();
  };

  useSignalEffect(() => {
    // CSSOM, not a style attribute: allowed under a strict CSP.
    const color = safeColor(connection.site.value?.color);
    const style = document.documentElement.style;
    style.setProperty('--fd-primary', color);
    style.setProperty('--fd-on-primary', textColorOn(color));
    // The site colour as text on each theme's background (styles.css --fd-bg), kept at 4.5:1 or better.
    style.setProperty('--fd-link-light', readableOn(color, '#ffffff'));
    style.setProperty('--fd-link-dark', readableOn(color, '#111827'));
  });
  useSignalEffect(() => {
    const root = document.documentElement;
    const { language, dir } = preferences.i18n.value;
    root.lang = language;
    root.dir = dir;
    const theme = preferences.theme.value;
    if (theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = theme;
  });

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape' && messenger.embedded) messenger.minimise();
  };

  return (
    <I18nContext.Provider value={i18n}>
    <FilesContext.Provider value={messenger}>
    <div class="fd-app" onKeyDown={onKeyDown}>
      <Header
        title={site?.name ?? i18n.t('messenger')}
        subtitle={subtitle(i18n, state.mode, agentName)}
        onMinimise={messenger.embedded ? messenger.minimise : undefined}
        actions={<RequestsToggle open={requestsOpen.value} onToggle={toggleRequests} />}
      />
      <StatusLine status={connection.status.value} error={connection.error.value} />
      {requestsOpen.value && <RequestsPanel messenger={messenger} />}
      {articlesOpen.value && !requestsOpen.value && <ArticlesPanel messenger={messenger} onDidntHelp={backFromArticles} />}
      {articlesOpen.value && !requestsOpen.value && (
        <button type="button" class="fd-link-button fd-help-link" onClick={() => backFromArticles('')}>
          {i18n.t('backToChat')}
        </button>
      )}
      <div class="fd-chat" hidden={requestsOpen.value || articlesOpen.value}>
        {!handedOff && <AvailabilityNote availability={connection.availability.value} />}
        <HandoffBanner state={state} />
        <MessageLog
          messages={conversation.messages.value}
          outbox={conversation.outbox.value}
          streams={conversation.streams.value}
          greeting={site?.greeting || null}
          agentName={agentName}
          typing={conversation.typing.value}
          connected={connected}
          onEdit={(clientId) => {
            conversation.edit(clientId);
            messenger.focusComposer();
          }}
        />
        {state.ticket && <ReachSlot messenger={messenger} />}
        {notice && <p class="fd-notice">{notice === UNREACHABLE ? i18n.t('escalateFailed') : notice}</p>}
        <button type="button" class="fd-link-button fd-help-link" onClick={() => (articlesOpen.value = true)}>
          {i18n.t('helpArticles')}
        </button>
        <Composer
          draft={conversation.draft}
          onSend={(text) => conversation.send(text)}
          onTyping={() => conversation.noteVisitorTyping()}
          onEscalate={() => void conversation.escalate()}
          canEscalate={conversation.canEscalate.value}
          escalateDisabled={!connected || conversation.escalating.value}
          focusRequests={messenger.focusRequests.value}
          attach={state.ticket && <AttachSlot />}
        />
      </div>
    </div>
    </FilesContext.Provider>
    </I18nContext.Provider>
  );
}
