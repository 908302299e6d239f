/**
 * Entry of the customers' self-service portal at `/portal` (`?site=<key>`, default `demo`): sign in with an
 * emailed one-time link, then read, reply to, reopen, delete and create requests.
 */
import { render } from 'preact';
import { PortalApp } from './components/PortalApp';
import { PortalModel } from './PortalModel';
import '../requests/requests.css';
import './portal.css';

function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const root = document.getElementById('app');
if (root) {
  const model = new PortalModel({ fetch: window.fetch.bind(window), site: new URLSearchParams(location.search).get('site') ?? undefined, timeZone: timeZone() });
  render(<PortalApp model={model} />, root);
  void model.check();
}
