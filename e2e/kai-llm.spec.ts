/**
 * Kai on the LLM engine, in Chromium. The spec plays the model itself: an OpenAI-compatible mock server
 * (aimock, on a free loopback port) with fixtures that search the knowledge base for "reset my password" and
 * then answer slowly, naming the article; that answer streams to the messenger, which shows it growing
 * before the final message replaces it (once, with its source). A model that answers without searching is
 * never passed on as fact: Kai says it could not find an answer and offers a person, and makes that offer only
 * once however often the visitor says it is useless. Asking for a person then triages with the model's
 * structured output (the json_schema fixture).
 *
 * This spec runs its own Frontdesk server on port 3421 (the LLM engine is chosen at start from OPENAI_API_KEY,
 * so playwright.config.ts's offline server cannot be used).
 */
import { LLMock } from '@copilotkit/aimock';
import { expect, test } from '@playwright/test';
import { HOST_URL, bubblesWith, expectDelivered, kaiBubbles, openMessenger, typeAndSend } from './support/frontdesk';
import { FrontdeskProcess } from './support/server-process';

const PORT = 3421;
const SERVER_URL = `http://127.0.0.1:${PORT}`;
const MODEL = 'kai-e2e-model';

const QUESTION = 'How do I reset my password?';
/** The scripted model's answer: long, and streamed slowly, so the messenger shows it growing. */
const ANSWER =
  'From “How to reset your password”: go to the sign-in page and click Forgot password? under the form. ' +
  'Enter the email address you sign in with and click Send reset link. Open the email from Northwind Cloud and ' +
  'click Reset password; the link works once and expires after 60 minutes. Choose a new password of at least 12 ' +
  'characters that is not one of your last 5 passwords, then sign in. After a reset you are signed out on your ' +
  'other devices, and the desktop sync app asks you to sign in again. If the email has not arrived after 5 minutes, ' +
  'check your spam or junk folder and make sure you used the address you sign in with, not an alias.';
/** What the model says to anything else, without searching: Frontdesk must not pass that on as fact. */
const UNGROUNDED = 'Sure, I can probably help with that.';
const FRUSTRATED = ['this is useless', 'this is still useless'];
const OFFER = 'connect you with a person';

let mock: LLMock | null = null;
let frontdesk: FrontdeskProcess | null = null;

/** The model, scripted: search then answer for the password question; triage; anything else unsearched. */
function scriptModel(llm: LLMock): void {
  // Triage (structured output), used when the visitor asks for a person.
  llm.on(
    { responseFormat: 'json_schema' },
    { content: JSON.stringify({ urgency: 'medium', urgency_reason: 'The visitor is stuck but not blocked', impact: 'low', impact_reason: 'One person', category: 'account', evidence: [] }) },
  );
  llm.on({ userMessage: 'reset my password', hasToolResult: false }, { toolCalls: [{ name: 'search_knowledge_base', arguments: { query: 'reset password' } }] });
  // 6 characters a chunk, 25 chunks a second after a 200 ms first token: about 4 s for the whole answer.
  llm.on({ userMessage: 'reset my password', hasToolResult: true }, { content: ANSWER }, { chunkSize: 6, streamingProfile: { ttft: 200, tps: 25 } });
  llm.on({}, { content: UNGROUNDED });
}

/** The chat requests the mock received, as the SDK sent them. */
function chatRequests(llm: LLMock): { messages: { role: string; content: unknown }[]; response_format?: { type: string } }[] {
  return llm
    .getRequests()
    .filter((e) => e.path === '/v1/chat/completions' && e.body !== null)
    .map((e) => e.body as unknown as { messages: { role: string; content: unknown }[]; response_format?: { type: string } });
}

test.describe('Kai on the LLM engine (aimock plays the model)', () => {
  test.beforeAll(async () => {
    mock = new LLMock({ port: 0, host: '127.0.0.1' });
    await mock.start();
    scriptModel(mock);
    frontdesk = new FrontdeskProcess(PORT, { OPENAI_API_KEY: 'test', OPENAI_BASE_URL: `${mock.url}/v1`, AI_MODEL: MODEL });
    await frontdesk.start();
  });

  test.afterAll(async () => {
    await frontdesk?.dispose();
    await mock?.stop();
    mock = null;
  });

  test('streams a grounded answer, shows it once with its source, and offers a person only once', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${HOST_URL}/?frontdesk=${encodeURIComponent(SERVER_URL)}`);
    const frame = await openMessenger(page);
    const log = frame.getByRole('log');
    // A reply still being written is marked busy (widget/README.md, "Streamed replies").
    const streaming = log.locator('li[aria-busy="true"]');

    await typeAndSend(frame, QUESTION);
    await expectDelivered(frame, QUESTION);

    // (a) While the model is still writing, the messenger shows part of Kai's reply: a prefix of the final
    // answer, strictly shorter than it.
    let partial = '';
    await expect
      .poll(
        async () => {
          const texts = await streaming.locator('.fd-msg__body').allTextContents();
          partial = texts[0] ?? '';
          return partial.length > 0 && partial.length < ANSWER.length;
        },
        { message: 'a partial reply from Kai shows while it streams', timeout: 20_000, intervals: [25] },
      )
      .toBe(true);
    expect(ANSWER.startsWith(partial), `the streamed text is a prefix of the answer: ${JSON.stringify(partial)}`).toBe(true);
    expect(partial.length).toBeLessThan(ANSWER.length);
    test.info().annotations.push({ type: 'partial reply seen', description: `${partial.length} of ${ANSWER.length} characters` });

    // (b) The final message replaces the stream: the whole answer, once, with its source article.
    const answer = bubblesWith(frame, ANSWER);
    await expect(answer).toHaveCount(1, { timeout: 20_000 });
    await expect(streaming).toHaveCount(0);
    await expect(kaiBubbles(frame)).toHaveCount(1);
    await expect(log.getByText(ANSWER, { exact: true })).toHaveCount(1);
    const source = answer.getByRole('link', { name: 'How to reset your password', exact: true });
    await expect(source).toHaveCount(1);
    await expect(source).toHaveAttribute('href', '/help/reset-password');
    await expect(answer).not.toContainText(OFFER);

    // The answer rested on a search: the model's second request carried the tool's result.
    const afterSearch = chatRequests(mock!).filter((r) => r.messages.at(-1)?.role === 'tool');
    expect(afterSearch).toHaveLength(1);
    expect(JSON.stringify(afterSearch[0]!.messages.at(-1)!.content)).toContain('How to reset your password');

    // (c) Twice frustrated; the model answers without searching each time. Kai says it found nothing and offers
    // a person the first time only.
    await typeAndSend(frame, FRUSTRATED[0]!);
    await expectDelivered(frame, FRUSTRATED[0]!);
    await expect(kaiBubbles(frame)).toHaveCount(2, { timeout: 20_000 });
    await typeAndSend(frame, FRUSTRATED[1]!);
    await expectDelivered(frame, FRUSTRATED[1]!);
    await expect(kaiBubbles(frame)).toHaveCount(3, { timeout: 20_000 });
    await expect(streaming).toHaveCount(0);
    await expect(log.getByText(/couldn't find that in our help centre either/)).toHaveCount(1);
    await expect(log.getByText(UNGROUNDED)).toHaveCount(0);
    const text = (await log.innerText()).toLowerCase();
    expect(text.split(OFFER).length - 1, `"${OFFER}" appears exactly once in:\n${text}`).toBe(1);
    await expect(log.getByText(new RegExp(OFFER))).toHaveCount(1);

    // Taking up the offer: the ticket is triaged by the model's structured output (the json_schema fixture).
    await frame.getByRole('button', { name: 'Talk to a person' }).click();
    await expect(frame.getByText(/^Ticket #\d+$/)).toBeVisible({ timeout: 20_000 });
    expect(chatRequests(mock!).filter((r) => r.response_format?.type === 'json_schema')).toHaveLength(1);
  });
});
