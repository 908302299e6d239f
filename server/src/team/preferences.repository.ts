import { DEFAULT_NOTIFICATION_PREFERENCES, notificationPreferencesSchema, type NotificationPreferences } from '../../../shared/team';
import type { DbOrTx } from '../db/database';

/** The agent's notification choices; defaults for what they never set (or a row that no longer parses). */
export async function readNotificationPreferences(db: DbOrTx, agentId: string): Promise<NotificationPreferences> {
  const row = await db.selectFrom('agent_preferences').select('notifications').where('agent_id', '=', agentId).executeTakeFirst();
  if (!row) return DEFAULT_NOTIFICATION_PREFERENCES;
  try {
    const parsed = notificationPreferencesSchema.safeParse(JSON.parse(row.notifications));
    return parsed.success ? parsed.data : DEFAULT_NOTIFICATION_PREFERENCES;
  } catch {
    return DEFAULT_NOTIFICATION_PREFERENCES;
  }
}

export async function saveNotificationPreferences(db: DbOrTx, agentId: string, prefs: NotificationPreferences, now: Date): Promise<void> {
  const values = { notifications: JSON.stringify(prefs), updated_at: now.toISOString() };
  await db
    .insertInto('agent_preferences')
    .values({ agent_id: agentId, ...values })
    .onConflict((oc) => oc.column('agent_id').doUpdateSet(values))
    .execute();
}
