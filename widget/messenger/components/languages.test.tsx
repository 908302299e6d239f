/**
 * The messenger in each of its languages: composer, buttons, the handoff notice and the promise (worded by the
 * server in the language the messenger sent with the session), the email question after the handoff, and the
 * direction; and no English word left on the page.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../shared/language';
import type { PublicSiteSettings, VisitorTicket, WidgetSessionInput } from '../../../shared/protocol';
import type { VisitorReach } from '../../../shared/reach';
import { englishLeft, englishWords } from '../../i18n/test-support/english-left';
import { createMessenger, type Messenger } from '../messenger';
import type { VisitorClientSocket } from '../models/connection';
import { memoryStore } from '../storage';
import { AI_STATE, FakeIoSocket, fakeServer } from '../test-support/fake-socket';
import { App } from './App';

const SITE: PublicSiteSettings = { key: 'demo', name: 'Acme', agentName: 'Kai', color: '#0f766e', greeting: '', position: 'right', language: 'en' };

/** What each language must show; the promise stands for the server's words in that language. */
const EXPECTED: Record<Language, { message: string; send: string; person: string; finding: string; ticket: string; promise: string; email: string; dir: string }> = {
  en: { message: 'Message', send: 'Send', person: 'Talk to a person', finding: 'Finding a person to help you…', ticket: 'Ticket #1042', promise: 'Our UK team replies by 10:00.', email: 'Email (optional)', dir: 'ltr' },
  de: { message: 'Nachricht', send: 'Senden', person: 'Mit einem Menschen sprechen', finding: 'Wir suchen jemanden, der Ihnen hilft…', ticket: 'Ticket #1042', promise: 'Unser Team in Großbritannien antwortet bis 10:00.', email: 'E-Mail (optional)', dir: 'ltr' },
  fr: { message: 'Message', send: 'Envoyer', person: 'Parler à une personne', finding: 'Nous cherchons une personne pour vous aider…', ticket: 'Ticket n° 1042', promise: 'Notre équipe britannique répond d’ici 10:00.', email: 'E-mail (facultatif)', dir: 'ltr' },
  es: { message: 'Mensaje', send: 'Enviar', person: 'Hablar con una persona', finding: 'Buscando a una persona que te ayude…', ticket: 'Ticket n.º 1042', promise: 'Nuestro equipo del Reino Unido responde antes de las 10:00.', email: 'Correo electrónico (opcional)', dir: 'ltr' },
  pt: { message: 'Mensagem', send: 'Enviar', person: 'Falar com uma pessoa', finding: 'À procura de uma pessoa para ajudar…', ticket: 'Pedido n.º 1042', promise: 'A nossa equipa do Reino Unido responde até às 10:00.', email: 'E-mail (opcional)', dir: 'ltr' },
  ar: { message: 'الرسالة', send: 'إرسال', person: 'التحدث إلى شخص', finding: 'نبحث عن شخص لمساعدتك…', ticket: 'التذكرة رقم 1042', promise: 'يرد فريقنا في المملكة المتحدة قبل 10:00.', email: 'البريد الإلكتروني (اختياري)', dir: 'rtl' },
};

/** After the handoff the messenger asks for an email (the reach cards, loaded then). */
const REACH: VisitorReach = { status: 'none', email: null, askForEmail: true };

let messenger: Messenger | null = null;
afterEach(() => {
  cleanup();
  messenger?.dispose();
  messenger = null;
  document.documentElement.removeAttribute('dir');
  document.documentElement.removeAttribute('lang');
});

async function open(browserLanguages: string[], boot: { language?: string } = {}) {
  const parent = { postMessage: vi.fn() };
  const events = new EventTarget();
  const win = { parent, addEventListener: events.addEventListener.bind(events), removeEventListener: events.removeEventListener.bind(events) } as unknown as Window;
  const sessions: WidgetSessionInput[] = [];
  let socket: FakeIoSocket | null = null;
  messenger = createMessenger({
    win,
    siteKey: 'demo',
    parentOrigin: 'https://shop.example',
    store: memoryStore(),
    languages: browserLanguages,
    fetch: (async (url: string, init: RequestInit) => {
      if (url === '/api/widget/reach') return new Response(JSON.stringify(REACH));
      sessions.push(JSON.parse(String(init.body)) as WidgetSessionInput);
      return new Response(JSON.stringify({ token: 't', visitorId: 'v1', site: SITE }));
    }) as unknown as typeof fetch,
    bootTimeoutMs: 60_000,
    openSocket: (token) => {
      socket = new FakeIoSocket(token);
      fakeServer(socket);
      return socket as unknown as VisitorClientSocket; // the fake has the methods the models use
    },
  });
  render(<App messenger={messenger} />);
  // The loader's boot, as the bridge delivers it (from the parent window, on the host's origin).
  act(() => {
    events.dispatchEvent(new MessageEvent('message', { origin: 'https://shop.example', source: parent as unknown as Window, data: { source: 'frontdesk', type: 'boot', ...boot } }));
  });
  await waitFor(() => expect(socket).not.toBeNull());
  act(() => void socket?.connect());
  return { socket: socket as unknown as FakeIoSocket, sessions };
}

describe('the messenger in every language', () => {
  for (const [language, expected] of Object.entries(EXPECTED) as [Language, (typeof EXPECTED)[Language]][]) {
    it(`speaks ${language} when the browser does`, async () => {
      // A regional tag picks its language (pt-BR → pt); en-US → en.
      const { socket, sessions } = await open([language === 'pt' ? 'pt-BR' : `${language}-XX`]);
      await screen.findByRole('button', { name: expected.person });
      expect(screen.getByRole('textbox', { name: expected.message })).toBeTruthy();
      expect(screen.getByRole('button', { name: expected.send })).toBeTruthy();
      // Set by an effect after the render that brought the texts.
      await waitFor(() => expect([document.documentElement.lang, document.documentElement.dir]).toEqual([language, expected.dir]));
      // The server is told the chosen language, so Kai, the promise and the handoff notices use it too.
      expect(sessions.at(-1)?.language).toBe(language);

      const ticket: VisitorTicket = { id: 't1', number: 1042, status: 'new', priority: 'high', promise: expected.promise, firstResponseDueAt: null };
      socket.handlers['conversation:escalate'] = () => ({ ok: true, data: { ...AI_STATE, mode: 'waiting', ticket: null } });
      fireEvent.click(screen.getByRole('button', { name: expected.person }));
      await screen.findByText(expected.finding);
      act(() => socket.fire('conversation:updated', { ...AI_STATE, mode: 'waiting', ticket }));
      expect(screen.getByText(expected.ticket)).toBeTruthy();
      expect(screen.getByText(expected.promise)).toBeTruthy();
      // The email question (a lazily loaded card with its own texts) comes in the same language.
      await screen.findByRole('textbox', { name: expected.email });
      if (language !== 'en') expect(englishLeft(document.body, await englishWords(language, [SITE.name, SITE.agentName]))).toEqual([]);
    });
  }

  it('prefers boot({ language }) over the browser, and takes the site default when the browser asks for none of ours', async () => {
    const first = await open(['de-DE'], { language: 'fr' });
    await screen.findByRole('button', { name: 'Parler à une personne' });
    expect(first.sessions.at(-1)?.language).toBe('fr');
    cleanup();
    messenger?.dispose();

    SITE.language = 'es';
    try {
      const second = await open(['ja-JP', 'ko']);
      await screen.findByRole('button', { name: 'Hablar con una persona' });
      await waitFor(() => expect(second.sessions.at(-1)?.language).toBe('es'));
    } finally {
      SITE.language = 'en';
    }
  });

  it('falls back to English for a language it does not have', async () => {
    await open(['ja-JP']);
    await screen.findByRole('button', { name: 'Talk to a person' });
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });
});
