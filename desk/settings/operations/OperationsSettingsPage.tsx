import { useMemo } from 'preact/hooks';
import { DeskApi } from '../../api';
import { useDeskTexts } from '../../i18n/i18n';
import { PageLastChange } from '../LastChange';
import type { SettingsPageProps } from '../pages';
import { OperationsModel } from './OperationsModel';
import { OperationsPage } from './OperationsPage';

/** The Operations page in the settings area: its model over the desk's client (the area's `caller` is one). */
export function OperationsSettingsPage({ api, caller, agent }: SettingsPageProps) {
  const texts = useDeskTexts();
  const model = useMemo(() => new OperationsModel(caller instanceof DeskApi ? caller : new DeskApi(), texts), [caller, texts]);
  return <OperationsPage model={model} lastChange={<PageLastChange api={api} agent={agent} filter={{ target: 'operations' }} revision={model.saved.value} />} />;
}
