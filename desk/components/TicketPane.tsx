import type { ReadonlySignal } from '@preact/signals';
import type { RemoteSessionApi } from '../models/RemoteSessionModel';
import type { TicketModel } from '../models/TicketModel';
import { ActivityLog } from './ActivityLog';
import { Composer } from './Composer';
import { Conversation } from './Conversation';
import { TicketReachPanel } from '../reach/TicketReachPanel';
import { useTicketReach } from '../reach/useTicketReach';
import { HandoffSummary } from './HandoffSummary';
import { KaiHandBack } from './KaiHandBack';
import { RemoteSessionOffer } from './RemoteSessionOffer';
import { RequesterDetails } from './RequesterDetails';
import { TicketHeader } from './TicketHeader';
import { UnverifiedSender } from './UnverifiedSender';
import { TagEditor } from './TagEditor';
import { TriageEditor } from './TriageEditor';
import { TypingIndicator } from './TypingIndicator';
import { TicketViewers } from './TicketViewers';
import { StaleReplyPrompt } from './StaleReplyPrompt';
import { CustomerContextPanel } from './CustomerContextPanel';
import type { TeamModel } from '../models/TeamModel';
import type { Macro } from '../../shared/team';
import type { DeskApi } from '../api';
import { useDeskT } from '../i18n/i18n';

export interface TicketPaneProps {
  ticket: TicketModel;
  now: ReadonlySignal<number>;
  /** The agent is typing a public reply on this ticket. */
  onTyping: (ticketId: string) => void;
  onStopTyping: (ticketId: string) => void;
  onClose: () => void;
  /** Remote sessions (`Offer remote session`); without it the button is not shown. */
  remoteApi?: RemoteSessionApi;
  /** The team desk: assigning, macros, customer context and merging; without it those are not shown. */
  team?: TeamPaneTools | undefined;
}

/** What the ticket pane needs for team work. */
export interface TeamPaneTools {
  model: TeamModel;
  selfId: string;
  macros: readonly Macro[];
  api: Pick<DeskApi, 'renderMacro' | 'customerContext' | 'mergeTicket'>;
  /** Opens another ticket (the survivor after a merge). */
  open: (ticketId: string) => void;
}

/** The right pane: handoff summary first, then requester, conversation, composer and activity. */
export function TicketPane({ ticket, now, onTyping, onStopTyping, onClose, remoteApi, team }: TicketPaneProps) {
  const detail = ticket.detail.value;
  const loadError = ticket.loadError.value;
  const reach = useTicketReach(ticket.id, ticket.reachChange);
  const t = useDeskT();
  if (!detail) {
    return (
      <section class="ticket ticket--empty" aria-label={t.t('ticket')}>
        {loadError ? (
          <p class="form-error" role="alert">
            {loadError}{' '}
            <button type="button" class="btn btn--link" onClick={() => void ticket.load()}>
              {t.t('retry')}
            </button>
          </p>
        ) : (
          <p class="muted">{t.t('loadingTicket')}</p>
        )}
      </section>
    );
  }
  const messages = ticket.messages.value;
  const aiName = messages.find((m) => m.author.kind === 'ai')?.author.name || 'Kai';
  const hasCustomerMessage = messages.some((m) => m.author.kind === 'customer');
  const actionError = ticket.actionError.value;
  const stale = ticket.staleReply.value;
  const merge = async (intoId: string): Promise<string | null> => {
    if (!team) return null;
    try {
      const survivor = await team.api.mergeTicket(detail.id, intoId);
      team.open(survivor.id);
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : t.t('mergeFailed');
    }
  };
  return (
    <section class="ticket" aria-label={t.t('ticket')}>
      <TicketHeader
        ticket={detail}
        saving={ticket.saving.value}
        onStatus={(s) => ticket.setStatus(s)}
        onClose={onClose}
        assign={team && { team: team.model, selfId: team.selfId, onAssign: (id) => ticket.assign(id) }}
      >
        <TagEditor tags={detail.tags} onAdd={(tag) => ticket.changeTag(tag, true)} onRemove={(tag) => ticket.changeTag(tag, false)} />
      </TicketHeader>
      <TicketViewers viewers={ticket.viewers.value} />
      <KaiHandBack ticket={detail} saving={ticket.saving.value} onHandBack={() => ticket.handBack()} />
      <div class="ticket__scroll">
        <UnverifiedSender ticket={detail} />
        {detail.handoff && <HandoffSummary handoff={detail.handoff} aiName={aiName} now={now} />}
        <RequesterDetails ticket={detail} now={now} />
        {team && <CustomerContextPanel ticketId={detail.id} version={detail.updatedAt} load={(id) => team.api.customerContext(id)} onMerge={(intoId) => merge(intoId)} />}
        <TriageEditor
          key={`${detail.urgency}/${detail.impact}`}
          urgency={detail.urgency}
          impact={detail.impact}
          saving={ticket.saving.value}
          onSave={(change) => ticket.setTriage(change)}
        />
        {remoteApi && <RemoteSessionOffer api={remoteApi} ticketId={detail.id} preferredTool={detail.preferredTool ?? null} onSent={(m) => ticket.applyMessage(m)} />}
        {!hasCustomerMessage && detail.description && (
          <section class="original" aria-label={t.t('originalRequest')}>
            <h3 class="section-title">{t.t('originalRequest')}</h3>
            <p class="msg__body">{detail.description}</p>
          </section>
        )}
        <Conversation messages={messages} now={now} ticketId={detail.id} attachments={detail.attachments ?? []} deliveries={reach?.deliveries} />
        <TicketReachPanel ticketId={detail.id} reach={reach} />
        <ActivityLog events={detail.events} />
      </div>
      <TypingIndicator names={ticket.typing.value} />
      {stale && (
        <StaleReplyPrompt
          stale={stale}
          sending={ticket.sending.value}
          onSendAnyway={() => void ticket.reply(stale.body, stale.internal, { anyway: true })}
          onDismiss={() => ticket.dismissStaleReply()}
        />
      )}
      {actionError && (
        <p class="form-error ticket__error" role="alert">
          {actionError}
        </p>
      )}
      <Composer
        key={detail.id}
        sending={ticket.sending.value}
        ticketId={detail.id}
        onSend={(body, internal, attachmentIds, changes) => ticket.reply(body, internal, { attachmentIds, ...(changes ? { changes } : {}) })}
        macros={team?.macros}
        renderMacro={team && ((macroId) => team.api.renderMacro(detail.id, macroId).catch(() => null))}
        onTyping={() => onTyping(detail.id)}
        onStopTyping={() => onStopTyping(detail.id)}
      />
    </section>
  );
}
