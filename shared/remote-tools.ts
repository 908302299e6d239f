/**
 * Remote-support tools (Zoom, Google Meet, Skype, Webex, or whatever the customer prefers): their
 * names and which meeting links belong to each. Pure and dependency-free, so the desk can import it without
 * pulling zod into its bundle; the server validates with the same rule.
 */
import type { RemoteTool } from './protocol';

/** What the desk's Tool select shows for each tool, in order. */
export const REMOTE_TOOL_LABELS: Readonly<Record<RemoteTool, string>> = {
  zoom: 'Zoom',
  google_meet: 'Google Meet',
  skype: 'Skype',
  webex: 'Webex',
  other: 'Other',
};

/** The display name a card carries: the tool's name, or "Remote session" for another tool. */
export function remoteToolName(tool: RemoteTool): string {
  return tool === 'other' ? 'Remote session' : REMOTE_TOOL_LABELS[tool];
}

/**
 * The hosts a named tool's meeting links live on: an exact host, or `.suffix` for any subdomain of it.
 * `other` accepts any https link.
 */
export const REMOTE_TOOL_HOSTS: Readonly<Record<Exclude<RemoteTool, 'other'>, readonly string[]>> = {
  zoom: ['zoom.us', '.zoom.us'],
  google_meet: ['meet.google.com'],
  skype: ['join.skype.com', '.skype.com'],
  webex: ['.webex.com'],
};

/** The longest meeting link accepted (characters). */
export const MAX_MEETING_URL_LENGTH = 2000;

function hostMatches(host: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.startsWith('.') ? host.endsWith(p) && host.length > p.length : host === p));
}

/** "zoom.us or *.zoom.us" for messages. */
function describeHosts(patterns: readonly string[]): string {
  return patterns.map((p) => (p.startsWith('.') ? `*${p}` : p)).join(' or ');
}

/**
 * Why `url` is not an acceptable meeting link for `tool`, or null when it is: it must be an https URL without
 * user info, and a named tool's link must be on that tool's hosts (so a "Zoom" card never opens another site).
 */
export function meetingUrlProblem(tool: RemoteTool, url: string): string | null {
  if (url.length > MAX_MEETING_URL_LENGTH) return `the link is longer than ${MAX_MEETING_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid link';
  }
  if (parsed.protocol !== 'https:') return 'the link must start with https://';
  if (parsed.username || parsed.password) return 'the link must not contain a user name or password';
  if (!parsed.hostname) return 'the link has no host';
  if (tool === 'other') return null;
  const hosts = REMOTE_TOOL_HOSTS[tool];
  if (!hostMatches(parsed.hostname.toLowerCase(), hosts)) return `a ${REMOTE_TOOL_LABELS[tool]} link must be on ${describeHosts(hosts)}`;
  return null;
}

/** The link as stored and sent: the parsed, normalised https URL (no stray spaces or control characters). */
export function normaliseMeetingUrl(url: string): string {
  return new URL(url.trim()).href;
}
