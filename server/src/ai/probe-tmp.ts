import { LLMock } from '@copilotkit/aimock';
import OpenAI from 'openai';
const mock = new LLMock({ port: 0 });
mock.on({ userMessage: 'hello' }, { content: 'Hello there, this is a longer reply to chunk.' }, { chunkSize: 5 });
mock.on({ userMessage: 'badargs' }, { toolCalls: [{ name: 'search_knowledge_base', arguments: '{not json' }] });
mock.on({ userMessage: 'malformed' }, { content: 'x' }, { chaos: { malformedRate: 1 } });
mock.on({ userMessage: 'rl' }, { error: { message: 'slow down', type: 'rate_limit_error' }, status: 429, retryAfter: 0 });
await mock.start();
const client = new OpenAI({ apiKey: 'k', baseURL: `${mock.url}/v1`, maxRetries: 1, timeout: 2000 });
const s = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hello' }], stream: true });
for await (const c of s) console.log(JSON.stringify(c.choices[0]?.delta));
const s2 = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'badargs' }], stream: true });
for await (const c of s2) console.log(JSON.stringify(c.choices[0]));
try { const s3 = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'malformed' }], stream: true }); for await (const c of s3) console.log('m', JSON.stringify(c)); } catch (e) { console.log('malformed err', (e as Error).constructor.name, (e as Error).message); }
try { await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'rl' }], stream: true }); } catch (e) { console.log('rl err', (e as Error).constructor.name, (e as Error).message); }
const j = await (await fetch(`${mock.url}/__aimock/journal`)).json();
console.log(JSON.stringify(j).slice(0, 1500));
console.log(Array.isArray(j), j.length);
await mock.stop();
