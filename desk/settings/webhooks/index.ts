/** Settings → Webhooks: the page component and its model. */
export { WebhooksPage, type WebhooksPageProps } from './WebhooksPage';
export { WebhooksModel } from './WebhooksModel';
export { WebhooksSettingsPage } from './WebhooksSettingsPage';
