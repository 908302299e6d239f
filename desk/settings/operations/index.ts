/** Settings → Operations: the page component and its model. */
export { OperationsPage, type OperationsPageProps } from './OperationsPage';
export { OperationsModel } from './OperationsModel';
export { OperationsSettingsPage } from './OperationsSettingsPage';
