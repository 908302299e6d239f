import type { AgentProfile } from '../../shared/protocol';
import { settingsHref } from '../models/HashRouteModel';
import { pagesFor } from './pages';
import type { SettingsApi, SettingsCaller } from './settings-api';
import './settings.css';
import { useDeskT } from '../i18n/i18n';

export interface SettingsAreaProps {
  api: SettingsApi;
  caller: SettingsCaller;
  agent: AgentProfile;
  /** The page id from `#/settings/<id>`; null: the first page the agent may open. */
  pageId: string | null;
}

/** The settings shell: the page list on the left, the chosen page on the right. */
export function SettingsArea({ api, caller, agent, pageId }: SettingsAreaProps) {
  const t = useDeskT();
  const pages = pagesFor(agent);
  const current = pages.find((p) => p.id === pageId) ?? pages[0]!;
  const { Page } = current;
  return (
    <main class="settings">
      <nav class="settings__nav" aria-label={t.t('settingsPages')}>
        <ul>
          {pages.map((p) => (
            <li key={p.id}>
              <a href={settingsHref(p.id)} aria-current={p.id === current.id ? 'page' : undefined}>
                {t.t(p.titleKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="settings__content">
        <Page key={current.id} api={api} caller={caller} agent={agent} />
      </div>
    </main>
  );
}
