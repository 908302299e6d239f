/**
 * The sign-in form, the queue, the ticket view and Settings → Operations in each language: their key texts in
 * that language, the page's direction, and no English word of the desk's catalogue left on screen (text that bypassed the
 * catalogue shows up here, since it is written with the same words). The customers' own words in the test
 * data are theirs, and stay as written.
 */
import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGES, type Language } from '../../shared/language';
import { DEFAULT_OPERATIONS, type SupportPlan } from '../../shared/operations';
import type { Entries } from '../../widget/i18n/catalogue';
import { englishLeft } from '../../widget/i18n/test-support/english-left';
import { DeskApi } from '../api';
import { formatDateTime } from '../format';
import { QueuePanel } from '../components/QueuePanel';
import { SignInForm } from '../components/SignInForm';
import { TicketPane } from '../components/TicketPane';
import { QueueModel } from '../models/QueueModel';
import { SessionModel } from '../models/SessionModel';
import { TicketModel } from '../models/TicketModel';
import { OperationsModel } from '../settings/operations/OperationsModel';
import { OperationsPage } from '../settings/operations/OperationsPage';
import { WebhooksModel } from '../settings/webhooks/WebhooksModel';
import { asFetch, detail, handoff, json, message, summary } from '../test/fixtures';
import { en } from './en';
import { DeskI18nContext, deskTexts, englishTexts, loadDeskCatalogue, type DeskTexts } from './i18n';

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
async function englishWords(language: Exclude<Language, 'en'>, data = DATA): Promise<Set<string>> {
  const english = new Set(values(en).flatMap(words));
  for (const word of [...values(await loadDeskCatalogue(language)).flatMap(words), ...words(data)]) english.delete(word);
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

/** What each language shows on Settings → Operations. */
const OPERATIONS: Record<Language, { form: string; plans: string; addPlan: string; newPlan: string; preview: string; sentence: string; firstResponse: string; save: string; saved: string; monday: string; webhookDeleted: string }> = {
  en: { form: 'Support operations', plans: 'Support plans', addPlan: 'Add a support plan', newPlan: 'New support plan', preview: 'Preview', sentence: 'A High ticket received now from London would go to the UK centre (on the plan Acme) and be due for a first response by', firstResponse: 'High: first response', save: 'Save', saved: 'Operations saved. Open tickets were given their new deadlines.', monday: 'Monday', webhookDeleted: 'Webhook deleted.' },
  de: { form: 'Supportbetrieb', plans: 'Supportpläne', addPlan: 'Supportplan hinzufügen', newPlan: 'Neuer Supportplan', preview: 'Vorschau', sentence: 'Ein Ticket mit Priorität Hoch, das jetzt aus London eingeht, ginge an Zentrum UK (im Plan Acme) und wäre bis', firstResponse: 'Hoch: erste Antwort', save: 'Speichern', saved: 'Betrieb gespeichert. Offene Tickets haben ihre neuen Fristen erhalten.', monday: 'Montag', webhookDeleted: 'Webhook gelöscht.' },
  fr: { form: 'Organisation du support', plans: 'Plans de support', addPlan: 'Ajouter un plan de support', newPlan: 'Nouveau plan de support', preview: 'Aperçu', sentence: 'Un ticket de priorité Haute reçu maintenant depuis Londres irait au centre R.-U. (avec le plan Acme)', firstResponse: 'Haute : première réponse', save: 'Enregistrer', saved: 'Organisation enregistrée. Les tickets ouverts ont reçu leurs nouvelles échéances.', monday: 'lundi', webhookDeleted: 'Webhook supprimé.' },
  es: { form: 'Operaciones de soporte', plans: 'Planes de soporte', addPlan: 'Añadir un plan de soporte', newPlan: 'Nuevo plan de soporte', preview: 'Vista previa', sentence: 'Un ticket de prioridad Alta recibido ahora desde Londres iría al centro R. U. (con el plan Acme)', firstResponse: 'Alta: primera respuesta', save: 'Guardar', saved: 'Operaciones guardadas. Los tickets abiertos tienen ya sus nuevos plazos.', monday: 'lunes', webhookDeleted: 'Webhook eliminado.' },
  pt: { form: 'Operações de suporte', plans: 'Planos de suporte', addPlan: 'Adicionar um plano de suporte', newPlan: 'Novo plano de suporte', preview: 'Pré-visualização', sentence: 'Um ticket de prioridade Alta recebido agora de Londres iria para o centro Reino Unido (no plano Acme)', firstResponse: 'Alta: primeira resposta', save: 'Salvar', saved: 'Operações salvas. Os tickets abertos receberam os novos prazos.', monday: 'segunda-feira', webhookDeleted: 'Webhook excluído.' },
  ar: { form: 'عمليات الدعم', plans: 'خطط الدعم', addPlan: 'إضافة خطة دعم', newPlan: 'خطة دعم جديدة', preview: 'معاينة', sentence: 'تذكرة بأولوية مرتفعة تصل الآن من لندن ستذهب إلى مركز المملكة المتحدة (ضمن الخطة Acme)', firstResponse: 'مرتفعة: الرد الأول', save: 'حفظ', saved: 'تم حفظ العمليات. حصلت التذاكر المفتوحة على مواعيدها النهائية الجديدة.', monday: 'الاثنين', webhookDeleted: 'تم حذف خطاف الويب.' },
};

/** A plan an admin set up: its name, team, domain and site are theirs. */
const ACME: SupportPlan = {
  id: 'acme',
  name: 'Acme',
  team: 'Acme crew',
  match: { domains: ['acme.example'], siteKeys: ['shop'] },
  calendar: { id: 'acme', name: 'Acme', timeZone: 'UTC', periods: [{ weekday: 1, open: '09:00', close: '17:00' }], holidays: null, closures: [] },
};

/** The operations routes behind `fetch`: the settings with one plan, a preview on that plan, a save that takes what it is sent. */
function operationsServer() {
  let saved = { ...DEFAULT_OPERATIONS, plans: [ACME] };
  return asFetch(async (url: string, init?: RequestInit) => {
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    if (url === '/api/operations' && init?.method === 'PUT') return json(200, (saved = { ...saved, ...body }));
    if (url === '/api/operations') return json(200, saved);
    if (url === '/api/operations/preview') return json(200, { priority: 'high', homeCentre: 'uk', centre: 'uk', centreName: 'UK centre', plan: { id: 'acme', name: 'Acme' }, firstResponseDueAt: '2026-01-13T11:00:00.000Z', resolutionDueAt: '2026-01-13T18:00:00.000Z' });
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
}

describe('Settings → Operations in each language', () => {
  afterEach(cleanup);

  it.each(LANGUAGES)('%s: calendars, targets, plans, the plan form, the preview and the notices in that language', async (language) => {
    const texts = await deskTexts(language);
    const want = OPERATIONS[language];
    const model = new OperationsModel(new DeskApi({ fetch: operationsServer() }), () => texts);
    inLanguage(texts, <OperationsPage model={model} />);
    const form = await screen.findByRole('form', { name: want.form });
    // Weekday names come from Intl in the language (the UK centre opens on Mondays).
    expect(within(form).getAllByRole('option', { name: want.monday }).length).toBeGreaterThan(0);
    const plans = screen.getByRole('region', { name: want.plans });
    fireEvent.click(within(plans).getByRole('button', { name: want.addPlan }));
    expect(within(plans).getByRole('form', { name: want.newPlan })).toBeTruthy();

    const preview = screen.getByRole('region', { name: want.preview });
    fireEvent.click(within(preview).getByRole('button', { name: want.preview }));
    const status = within(preview).getByRole('status');
    await vi.waitFor(() => expect(status.textContent).toContain(want.sentence));
    expect(status.textContent).toContain(formatDateTime('2026-01-13T18:00:00.000Z', texts));

    fireEvent.input(screen.getByLabelText(want.firstResponse), { target: { value: '30' } });
    fireEvent.click(within(form).getByRole('button', { name: want.save }));
    // Saving first checks with the schema module the page loads lazily: on a busy machine its first load is slow.
    await screen.findByText(want.saved, {}, { timeout: 5000 });
    expect(texts.dir).toBe(language === 'ar' ? 'rtl' : 'ltr');
    if (language !== 'en') expect(englishLeft(document.body, await englishWords(language, 'Acme crew acme.example shop UTC Europe London America New_York'))).toEqual([]);
  }, 20_000);

  it.each(LANGUAGES)('%s: the webhooks model writes its notices in the language of the moment', async (language) => {
    let texts = englishTexts;
    const fetch = asFetch(async (_url: string, init?: RequestInit) => (init?.method === 'DELETE' ? new Response(null, { status: 204 }) : json(200, { webhooks: [] })));
    const model = new WebhooksModel(new DeskApi({ fetch }), () => texts);
    texts = await deskTexts(language);
    await model.remove('w1');
    expect(model.error.value).toBeNull();
    expect(model.notice.value).toBe(OPERATIONS[language].webhookDeleted);
  });
});
