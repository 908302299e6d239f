import { useMemo } from 'preact/hooks';
import { DeskApi } from '../../api';
import { useDeskTexts } from '../../i18n/i18n';
import { PageLastChange } from '../LastChange';
import type { SettingsPageProps } from '../pages';
import { WebhooksModel } from './WebhooksModel';
import { WebhooksPage } from './WebhooksPage';

/** The Webhooks page in the settings area: its model over the desk's client (the area's `caller` is one). */
export function WebhooksSettingsPage({ api, caller, agent }: SettingsPageProps) {
  const texts = useDeskTexts();
  const model = useMemo(() => new WebhooksModel(caller instanceof DeskApi ? caller : new DeskApi(), texts), [caller, texts]);
  return <WebhooksPage model={model} lastChange={<PageLastChange api={api} agent={agent} filter={{ target: 'webhook' }} revision={model.webhooks.value} />} />;
}
