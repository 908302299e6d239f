import { test } from '@playwright/test';
test('dbg', async ({ page }) => {
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
  page.on('requestfailed', (r) => console.log('FAILED', r.url(), r.failure()?.errorText));
  page.on('response', (r) => console.log('RESP', r.status(), r.url()));
  await page.route('http://localhost:3239/', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>embed</title><iframe title="Messenger" src="http://127.0.0.1:3211/messenger?site=demo&amp;origin=${encodeURIComponent('http://localhost:3239')}"></iframe>` }));
  await page.goto('http://localhost:3239/');
  await page.waitForTimeout(4000);
  for (const f of page.frames()) console.log('FRAME', f.url());
});
