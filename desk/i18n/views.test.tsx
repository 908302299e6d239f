/**
 * The sign-in form, the queue and the ticket view in each language: their key texts in that language, the
 * page's direction, and no English word of the desk's catalogue left on screen (text that bypassed the
 * catalogue shows up here, since it is written with the same words). The customers' own words in the test
 * data are theirs, and stay as written.
 */
import { signal } from '@preact/signals';
import { cleanup, render, screen, within } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGES, type Language } from '../../shared/language';
import type { Entries } from '../../widget/i18n/catalogue';
import { englishLeft } from '../../widget/i18n/test-support/english-left';
import { DeskApi } from '../api';
import { QueuePanel } from '../components/QueuePanel';
import { SignInForm } from '../components/SignInForm';
import { TicketPane } from '../components/TicketPane';
import { QueueModel } from '../models/QueueModel';
import { SessionModel } from '../models/SessionModel';
import { TicketModel } from '../models/TicketModel';
import { asFetch, detail, handoff, json, message, summary } from '../test/fixtures';
import { en } from './en';
import { DeskI18nContext, deskTexts, loadDeskCatalogue, type DeskTexts } from './i18n';

const NOW = Date.parse('2025-03-03T09:30:00Z');

/** What each language shows for a few texts every agent sees. */
const EXPECTED: Record<Language, { signIn: string; queue: string; sendReply: string; status: string; handoff: string; dueIn: string }> = {
  en: { signIn: 'Sign in', queue: 'Queue', sendReply: 'Send reply', status: 'New', handoff: 'Handoff summary', dueIn: 'due in 42 min' },
  de: { signIn: 'Anmelden', queue: 'Warteschlange', sendReply: 'Antwort senden', status: 'Neu', handoff: 'Zusammenfassung der Übergabe', dueIn: 'fällig in 42 Min.' },
  fr: { signIn: 'Se connecter', queue: 'File d’attente', sendReply: 'Envoyer la réponse', status: 'Nouveau', handoff: 'Résumé du transfert', dueIn: 'échéance dans 42 min' },
  es: { signIn: 'Iniciar sesión', queue: 'Cola', sendReply: 'Enviar respuesta', status: 'Nuevo', handoff: 'Resumen del traspaso', dueIn: 'vence en 42 min' },
  pt: { signIn: 'Entrar', queue: 'Fila', sendReply: 'Enviar resposta', status: 'Novo', handoff: 'Resumo da transferência', dueIn: 'vence em 42 min' },
  ar: { signIn: 'تسجيل الدخول', queue: 'قائمة الانتظار', sendReply: 'إرسال الرد', status: 'جديدة', handoff: 'ملخّص التحويل', dueIn: 'مستحقة خلال 42 د' },
};

/** The customers' and agents' own words in the test data (subjects, names, bodies, the handoff's facts). */
const DATA = 'Printer on fire Ada Lovelace ada@example.com Europe/London Subject Body Cannot sign in to the portal Suggested a password reset Resetting your password Blocked from working One user affected I cannot do any work today I cannot sign in Kai Grace';

const words = (text: string) =>
  text
    .replace(/\{\w+\}/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}’']+/u)
    .filter((w) => w.length >= 3);
const values = (c: Entries) => Object.values(c).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));

/** The desk's English words that must not show in `language` (less the words that language's catalogue uses too). */
async function englishWords(language: Exclude<Language, 'en'>): Promise<Set<string>> {
  const english = new Set(values(en).flatMap(words));
  for (const word of [...values(await loadDeskCatalogue(language)).flatMap(words), ...words(DATA)]) english.delete(word);
  return english;
}

function inLanguage(texts: DeskTexts, children: ComponentChildren) {
  return render(<DeskI18nContext.Provider value={texts}>{children}</DeskI18nContext.Provider>);
}

async function showAll(texts: DeskTexts) {
  const session = new SessionModel(new DeskApi(), () => texts);
  inLanguage(texts, <SignInForm session={session} />);
  const queue = new QueueModel(
    {
      listTickets: vi.fn(async () => ({
        tickets: [
          summary({ id: 'a', number: 42, subject: 'Printer on fire', status: 'new', priority: 'high', firstResponseDueAt: '2025-03-03T10:12:00Z' }),
          summary({ id: 'b', number: 43, status: 'pending', slaPausedAt: '2025-03-03T09:00:00Z' }),
        ],
      })),
    },
    () => texts,
  );
  await queue.load();
  inLanguage(texts, <QueuePanel queue={queue} now={signal(NOW)} selectedId={null} />);
  const d = detail({
    id: 't1',
    number: 42,
    subject: 'Printer on fire',
    handoff: handoff(),
    messages: [message({ author: { kind: 'customer', name: 'Ada Lovelace' } }), message({ author: { kind: 'agent', name: 'Grace' }, internal: true })],
    events: [{ id: 'e1', type: 'status_changed', actor: { kind: 'agent', name: 'Grace' }, from: 'new', to: 'open', reason: null, createdAt: '2025-03-03T09:10:00Z' }],
  });
  const ticket = new TicketModel({ getTicket: vi.fn(async () => d), updateTicket: vi.fn(async () => d), postMessage: vi.fn(), handBack: vi.fn(async () => d) }, d.id);
  await ticket.load();
  inLanguage(texts, <TicketPane ticket={ticket} now={signal(NOW)} onTyping={() => {}} onStopTyping={() => {}} onClose={() => {}} />);
}

describe('the desk in each language', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it.each(LANGUAGES)('%s: sign-in, queue and ticket in that language', async (language) => {
    // The ticket's reach (CSAT, deliveries) is not asked here: the panel shows its own empty state.
    vi.stubGlobal('fetch', asFetch(async () => json(404, { error: { code: 'not_found', message: 'Not found' } })));
    const texts = await deskTexts(language);
    const want = EXPECTED[language];
    await showAll(texts);
    expect(screen.getByRole('button', { name: want.signIn })).toBeTruthy();
    const queue = screen.getByRole('region', { name: want.queue });
    expect(within(queue).getByRole('heading', { name: want.queue })).toBeTruthy();
    expect(within(queue).getAllByText(want.status).length).toBeGreaterThan(0);
    expect(within(queue).getByText(want.dueIn)).toBeTruthy();
    expect(screen.getByRole('button', { name: want.sendReply })).toBeTruthy();
    expect(screen.getByRole('region', { name: want.handoff })).toBeTruthy();
    expect(texts.dir).toBe(language === 'ar' ? 'rtl' : 'ltr');
    if (language !== 'en') expect(englishLeft(document.body, await englishWords(language))).toEqual([]);
  });
});
