import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { WebhookEventType } from '../../../shared/webhook-events';
import type { Webhook, WebhookDelivery } from '../../../shared/webhooks';
import { failureText, type DeskApi } from '../../api';
import { englishTexts, type DeskTexts } from '../../i18n/i18n';

/** A secret the server just issued: shown this once, next to the endpoint it signs for. */
export interface ShownSecret {
  webhookId: string;
  secret: string;
}


/** The Webhooks settings page: endpoints, the one selected and its delivery log. */
export class WebhooksModel {
  readonly #api: DeskApi;
  readonly #webhooks = signal<Webhook[]>([]);
  readonly #selectedId = signal<string | null>(null);
  readonly #deliveries = signal<WebhookDelivery[]>([]);
  readonly #secret = signal<ShownSecret | null>(null);
  readonly #error = signal<string | null>(null);
  readonly #notice = signal('');
  readonly #busy = signal(false);

  readonly webhooks: ReadonlySignal<Webhook[]> = this.#webhooks;
  readonly selectedId: ReadonlySignal<string | null> = this.#selectedId;
  readonly deliveries: ReadonlySignal<WebhookDelivery[]> = this.#deliveries;
  readonly secret: ReadonlySignal<ShownSecret | null> = this.#secret;
  /** The server's message for the last action that failed. */
  readonly error: ReadonlySignal<string | null> = this.#error;
  /** What the last action did, for a polite live region. */
  readonly notice: ReadonlySignal<string> = this.#notice;
  readonly busy: ReadonlySignal<boolean> = this.#busy;

  /** `texts`: the desk's texts of the moment, so a notice is written in the language the agent reads now. */
  constructor(
    api: DeskApi,
    private readonly texts: () => DeskTexts = () => englishTexts,
  ) {
    this.#api = api;
  }

  async load(): Promise<void> {
    await this.#act(async () => {
      const { webhooks } = await this.#api.listWebhooks();
      this.#webhooks.value = webhooks;
      const selected = this.#selectedId.value;
      if (selected && !webhooks.some((w) => w.id === selected)) this.#selectedId.value = null;
    });
  }

  /** Registers an endpoint; its secret is shown once. Resolves true when it was created. */
  async create(input: { url: string; events: WebhookEventType[]; description: string }): Promise<boolean> {
    return this.#act(async () => {
      const { secret, ...created } = await this.#api.createWebhook(input);
      batch(() => {
        this.#webhooks.value = [...this.#webhooks.value, created];
        this.#secret.value = { webhookId: created.id, secret };
        this.#notice.value = this.texts().t('whAdded', { url: created.url });
      });
      await this.select(created.id);
    });
  }

  async select(id: string | null): Promise<void> {
    this.#selectedId.value = id;
    this.#deliveries.value = [];
    if (id) await this.refreshDeliveries();
  }

  async refreshDeliveries(): Promise<void> {
    const id = this.#selectedId.value;
    if (!id) return;
    await this.#act(async () => {
      const { deliveries } = await this.#api.listWebhookDeliveries(id);
      if (this.#selectedId.value === id) this.#deliveries.value = deliveries;
    });
  }

  async update(id: string, patch: Partial<Pick<Webhook, 'url' | 'events' | 'description' | 'enabled'>>): Promise<boolean> {
    return this.#act(async () => {
      const updated = await this.#api.updateWebhook(id, patch);
      batch(() => {
        this.#replace(updated);
        this.#notice.value = this.texts().t(patch.enabled === undefined ? 'whSaved' : updated.enabled ? 'whTurnedOn' : 'whTurnedOff');
      });
    });
  }

  async rotateSecret(id: string): Promise<void> {
    await this.#act(async () => {
      const { secret, ...updated } = await this.#api.rotateWebhookSecret(id);
      batch(() => {
        this.#replace(updated);
        this.#secret.value = { webhookId: id, secret };
        this.#notice.value = this.texts().t('whSecretRotated');
      });
    });
  }

  async remove(id: string): Promise<void> {
    await this.#act(async () => {
      await this.#api.deleteWebhook(id);
      batch(() => {
        this.#webhooks.value = this.#webhooks.value.filter((w) => w.id !== id);
        if (this.#selectedId.value === id) this.#selectedId.value = null;
        if (this.#secret.value?.webhookId === id) this.#secret.value = null;
        this.#notice.value = this.texts().t('whDeleted');
      });
    });
  }

  async redeliver(deliveryId: string): Promise<void> {
    const id = this.#selectedId.value;
    if (!id) return;
    await this.#act(async () => {
      await this.#api.redeliverWebhook(id, deliveryId);
      const { deliveries } = await this.#api.listWebhookDeliveries(id);
      batch(() => {
        if (this.#selectedId.value === id) this.#deliveries.value = deliveries;
        this.#notice.value = this.texts().t('whRequeued');
      });
    });
  }

  /** Forgets the secret on screen (the admin has copied it). */
  hideSecret(): void {
    this.#secret.value = null;
  }

  #replace(updated: Webhook): void {
    this.#webhooks.value = this.#webhooks.value.map((w) => (w.id === updated.id ? updated : w));
  }

  async #act(work: () => Promise<void>): Promise<boolean> {
    this.#busy.value = true;
    this.#error.value = null;
    try {
      await work();
      return true;
    } catch (err) {
      this.#error.value = failureText(err, this.texts());
      return false;
    } finally {
      this.#busy.value = false;
    }
  }
}
