import { useMemo } from 'preact/hooks';
import { DeskApi } from '../../api';
import type { SettingsPageProps } from '../pages';
import { OperationsModel } from './OperationsModel';
import { OperationsPage } from './OperationsPage';

/** The Operations page in the settings area: its model over the desk's client (the area's `caller` is one). */
export function OperationsSettingsPage({ caller }: SettingsPageProps) {
  const model = useMemo(() => new OperationsModel(caller instanceof DeskApi ? caller : new DeskApi()), [caller]);
  return <OperationsPage model={model} />;
}
