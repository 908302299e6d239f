import { useMemo } from 'preact/hooks';
import { DeskApi } from '../../api';
import type { SettingsPageProps } from '../pages';
import { WebhooksModel } from './WebhooksModel';
import { WebhooksPage } from './WebhooksPage';

/** The Webhooks page in the settings area: its model over the desk's client (the area's `caller` is one). */
export function WebhooksSettingsPage({ caller }: SettingsPageProps) {
  const model = useMemo(() => new WebhooksModel(caller instanceof DeskApi ? caller : new DeskApi()), [caller]);
  return <WebhooksPage model={model} />;
}
