/** Test data of the settings pages' tests. */
import type { SiteView } from '../../shared/admin';

/** A site as `GET /api/sites` answers it: `shop`, defaults everywhere, no change recorded. */
export function siteView(over: Partial<SiteView> = {}): SiteView {
  return {
    id: 's1',
    key: 'shop',
    name: 'Shop',
    allowedOrigins: ['https://shop.example.com'],
    language: 'en',
    appearance: { color: '#4f46e5', position: 'right', greeting: 'Hi!', agentName: 'Kai' },
    handoffRules: { categories: ['security'], vipEmails: [], vipUserIds: [] },
    assignment: { auto: false, maxOpenChats: 3 },
    reach: { askForEmail: true, mailUnseenAfterMinutes: 5 },
    csat: { enabled: true },
    attachments: { maxBytes: 10 * 1024 * 1024, types: ['image/png'] },
    createdAt: '2026-12-01T10:00:00Z',
    seen: [],
    lastChange: null,
    ...over,
  };
}
