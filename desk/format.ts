/** Pure display helpers: labels, relative deadlines, times, and the link-safety check. */
import type { Level } from '../shared/priority';
import { CUSTOMER_STATUS_LABELS } from '../shared/self-service';
import type { KaiAction } from './api';
import type { AuthorKind, CentreId, Channel, Handoff, TicketStatus } from '../shared/protocol';
import { englishTexts, type DeskTexts } from './i18n/i18n';

/** Every status in the order the status select lists them (the customers' order). */
export const STATUS_ORDER = Object.keys(CUSTOMER_STATUS_LABELS) as TicketStatus[]; // keys of a Record<TicketStatus, …>

/** The words for a status, level, channel, centre, author, identity or Kai's action in the agent's language. */
export const statusLabel = (status: TicketStatus, t: DeskTexts = englishTexts): string => t.t(`status_${status}`);
export const levelLabel = (level: Level, t: DeskTexts = englishTexts): string => t.t(`level_${level}`);
export const channelLabel = (channel: Channel, t: DeskTexts = englishTexts): string => t.t(`channel_${channel}`);
export const centreLabel = (centre: CentreId, t: DeskTexts = englishTexts): string => t.t(`centre_${centre}`);
export const authorKindLabel = (kind: AuthorKind, t: DeskTexts = englishTexts): string => t.t(`author_${kind}`);
export const identityLabel = (identity: Handoff['identity'], t: DeskTexts = englishTexts): string => t.t(`identity_${identity}`);
export const kaiActionLabel = (action: KaiAction, t: DeskTexts = englishTexts): string => t.t(`kai_${action}`);

/** Why Kai handed the conversation over, in words. */
export function handoffReasonText(reason: Handoff['reason'], aiName: string, t: DeskTexts = englishTexts): string {
  return t.t(`handoff_${reason}`, { ai: aiName });
}

const MINUTE = 60_000;

/** "42 min", "3 h 5 min", "2 d 4 h" for a positive duration in milliseconds, with the language's short units. */
export function formatDuration(ms: number, t: DeskTexts = englishTexts): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE));
  const min = (n: number) => t.t('durMinutes', { n: t.number(n) });
  const h = (n: number) => t.t('durHours', { n: t.number(n) });
  const d = (n: number) => t.t('durDays', { n: t.number(n) });
  const pair = (a: string, b: string) => t.t('durPair', { a, b });
  if (minutes < 60) return min(minutes);
  const hours = Math.floor(minutes / 60);
  const restMin = minutes % 60;
  if (hours < 48) return restMin ? pair(h(hours), min(restMin)) : h(hours);
  const days = Math.floor(hours / 24);
  const restH = hours % 24;
  return restH ? pair(d(days), h(restH)) : d(days);
}

export interface DueText {
  text: string;
  overdue: boolean;
}

/** A deadline relative to `now`: "due in 42 min" or "overdue by 5 min". */
export function formatDue(dueAt: string | null, now: number, t: DeskTexts = englishTexts): DueText {
  if (!dueAt) return { text: t.t('noDeadline'), overdue: false };
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return { text: t.t('noDeadline'), overdue: false };
  const diff = due - now;
  // A deadline less than half a minute away reads as due now rather than "due in 0 min".
  if (Math.abs(diff) < MINUTE / 2) return { text: t.t('dueNow'), overdue: false };
  return diff > 0 ? { text: t.t('dueIn', { time: formatDuration(diff, t) }), overdue: false } : { text: t.t('overdueBy', { time: formatDuration(-diff, t) }), overdue: true };
}

/**
 * The locale dates are written in: the browser's own for English (as before: an agent in Britain reads
 * "26 Nov"), the chosen language otherwise.
 */
const localeOf = (t: DeskTexts): string | undefined => (t.language === 'en' ? undefined : t.language);

/** Absolute date and time in the agent's language and zone (titles, details). */
export function formatDateTime(iso: string | null, t: DeskTexts = englishTexts): string {
  if (!iso) return '—';
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : new Intl.DateTimeFormat(localeOf(t), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** Short time for a message: "14:05" today, "26 Nov, 14:05" otherwise. */
export function formatMessageTime(iso: string, now: number, t: DeskTexts = englishTexts): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(localeOf(t), options).format(at);
}

/** The current local time in a requester's zone, or null when the zone is unknown to this browser. */
export function localTimeIn(timeZone: string, now: number, t: DeskTexts = englishTexts): string | null {
  try {
    return new Intl.DateTimeFormat(localeOf(t), { timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(now);
  } catch {
    return null;
  }
}
