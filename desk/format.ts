/** Pure display helpers: labels, relative deadlines, times, and the link-safety check. */
import type { Level } from '../shared/priority';
import { CUSTOMER_STATUS_LABELS } from '../shared/self-service';
import type { KaiAction } from './api';
import type { AuthorKind, CentreId, Channel, Handoff, TicketStatus } from '../shared/protocol';

/** Agents and customers use the same status words. */
export const STATUS_LABELS: Record<TicketStatus, string> = CUSTOMER_STATUS_LABELS;

/** Every status in the order the status select lists them. */
export const STATUS_ORDER = Object.keys(STATUS_LABELS) as TicketStatus[]; // keys of a Record<TicketStatus, …>

export const LEVEL_LABELS: Record<Level, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export const CHANNEL_LABELS: Record<Channel, string> = {
  chat: 'Chat',
  email: 'Email',
  phone: 'Phone',
  portal: 'Portal',
  api: 'API',
};

export const CENTRE_LABELS: Record<CentreId, string> = { uk: 'UK', us: 'US' };

export const AUTHOR_KIND_LABELS: Record<AuthorKind, string> = {
  customer: 'Customer',
  ai: 'AI agent',
  agent: 'Agent',
  system: 'System',
};

export const IDENTITY_LABELS: Record<Handoff['identity'], string> = {
  verified: 'Verified (signed in on the site)',
  unverified: 'Unverified (details given by the visitor)',
  anonymous: 'Anonymous',
};

/** What Kai would do with a visitor's message ("Try Kai"), in words. */
export const KAI_ACTION_LABELS: Record<KaiAction, string> = {
  answer: 'Kai would answer',
  offer_handoff: 'Kai would offer a person',
  handoff: 'Kai would hand off to a person',
};

/** Why Kai handed the conversation over, in words. */
export function handoffReasonText(reason: Handoff['reason'], aiName: string): string {
  switch (reason) {
    case 'visitor_request':
      return 'The customer asked for a person.';
    case 'button':
      return 'The customer pressed “Talk to a person”.';
    case 'no_answer':
      return `${aiName} found no answer.`;
    case 'ai_unavailable':
      return `${aiName} was unavailable.`;
    case 'policy':
      return 'Policy requires a person.';
  }
}

const MINUTE = 60_000;

/** "42 min", "3 h 5 min", "2 d 4 h" for a positive duration in milliseconds. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const restMin = minutes % 60;
  if (hours < 48) return restMin ? `${hours} h ${restMin} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const restH = hours % 24;
  return restH ? `${days} d ${restH} h` : `${days} d`;
}

export interface DueText {
  text: string;
  overdue: boolean;
}

/** A deadline relative to `now`: "due in 42 min" or "overdue by 5 min". */
export function formatDue(dueAt: string | null, now: number): DueText {
  if (!dueAt) return { text: 'no deadline', overdue: false };
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return { text: 'no deadline', overdue: false };
  const diff = due - now;
  // A deadline less than half a minute away reads as due now rather than "due in 0 min".
  if (Math.abs(diff) < MINUTE / 2) return { text: 'due now', overdue: false };
  return diff > 0 ? { text: `due in ${formatDuration(diff)}`, overdue: false } : { text: `overdue by ${formatDuration(-diff)}`, overdue: true };
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayTimeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Absolute date and time in the agent's locale and zone (titles, details). */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTimeFormat.format(t);
}

/** Short time for a message: "14:05" today, "26 Nov, 14:05" otherwise. */
export function formatMessageTime(iso: string, now: number): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const sameDay = new Date(t).toDateString() === new Date(now).toDateString();
  return sameDay ? timeFormat.format(t) : dayTimeFormat.format(t);
}

/** The current local time in a requester's zone, or null when the zone is unknown to this browser. */
export function localTimeIn(timeZone: string, now: number): string | null {
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(now);
  } catch {
    return null;
  }
}
