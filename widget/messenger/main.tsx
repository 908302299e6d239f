/**
 * Entry of the messenger, the Preact app inside the iframe at `/messenger?site={key}&origin={host origin}`.
 */
import { render } from 'preact';
import type { VisitorClientSocket } from './models/connection';
import { App } from './components/App';
import { createMessenger, readParentOrigin } from './messenger';
import { LightSocket } from './socket/light-socket';
import { messengerStore } from './storage';
import './styles.css';

function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const root = document.getElementById('app');
const params = new URLSearchParams(location.search);
const siteKey = params.get('site');

if (root && siteKey) {
  const messenger = createMessenger({
    win: window,
    siteKey,
    parentOrigin: readParentOrigin(params.get('origin')),
    store: messengerStore(window),
    fetch: window.fetch.bind(window),
    timeZone: timeZone(),
    languages: navigator.languages && navigator.languages.length > 0 ? navigator.languages : [navigator.language],
    openSocket: (token): VisitorClientSocket => new LightSocket('/visitor', { auth: () => ({ token: token() }) }),
  });
  render(<App messenger={messenger} />, root);
} else if (root) {
  root.textContent = 'This messenger needs a site: /messenger?site=<key>';
}
