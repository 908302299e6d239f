/**
 * A deterministic, realistic 1,000-article knowledge base for the offline engine's scale benchmark: the 24
 * demo articles plus generated ones for the same imaginary product (Northwind Cloud: file storage, sharing,
 * admin and security-awareness training). Generated articles vary their feature, task, platform,
 * integration, plan, role, limits and error codes, so the index holds thousands of distinct terms with the
 * skewed document frequencies of a real help centre (a few words everywhere, most in a handful of articles).
 * The same seed gives the same articles and questions on every run; nothing here uses Math.random.
 */
import type { ArticleInput } from '../server/src/kb/kb.repository';

/** mulberry32: a small seeded PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
function pickSome<T>(rng: Rng, xs: readonly T[], n: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
}

interface Feature {
  /** As it appears in a sentence ("shared drives"). */
  name: string;
  /** Other words people use for it. */
  aka: string[];
  /** Where its settings live. */
  path: string;
  /** Things it holds or acts on. */
  objects: string[];
  /** Verbs people use with it. */
  verbs: string[];
  /** Its product area (tags). */
  area: string;
}

const FEATURES: Feature[] = [
  { name: 'shared drives', aka: ['team drive', 'shared folder'], path: 'Files → Shared drives', objects: ['folders', 'members', 'files'], verbs: ['create', 'rename', 'archive'], area: 'files' },
  { name: 'the desktop sync app', aka: ['sync client', 'desktop app'], path: 'Account settings → Devices', objects: ['synced folders', 'conflicts', 'selective sync'], verbs: ['install', 'pause', 'reinstall'], area: 'sync' },
  { name: 'the mobile app', aka: ['phone app', 'tablet app'], path: 'Account settings → Devices → Mobile', objects: ['offline files', 'camera uploads', 'passcode lock'], verbs: ['install', 'sign out of', 'update'], area: 'mobile' },
  { name: 'version history', aka: ['previous versions', 'file versions'], path: 'File menu → Version history', objects: ['versions', 'restore points', 'named versions'], verbs: ['restore', 'compare', 'name'], area: 'files' },
  { name: 'file requests', aka: ['upload requests', 'request files'], path: 'Files → File requests', objects: ['upload links', 'deadlines', 'uploaded files'], verbs: ['create', 'close', 'extend'], area: 'sharing' },
  { name: 'external sharing', aka: ['sharing outside the company', 'share with clients'], path: 'Admin → Sharing → External sharing', objects: ['share links', 'external collaborators', 'allowed domains'], verbs: ['allow', 'restrict', 'audit'], area: 'sharing' },
  { name: 'the audit log', aka: ['activity log', 'admin log'], path: 'Admin → Security → Audit log', objects: ['events', 'sign-in records', 'exports'], verbs: ['search', 'export', 'filter'], area: 'security' },
  { name: 'data loss prevention', aka: ['DLP', 'sensitive data rules'], path: 'Admin → Compliance → Data loss prevention', objects: ['DLP policies', 'credit card numbers', 'alerts'], verbs: ['create', 'test', 'disable'], area: 'compliance' },
  { name: 'retention policies', aka: ['retention rules', 'auto-delete'], path: 'Admin → Compliance → Retention', objects: ['retention periods', 'deleted files', 'policy scopes'], verbs: ['set', 'change', 'apply'], area: 'compliance' },
  { name: 'legal hold', aka: ['litigation hold', 'preservation hold'], path: 'Admin → Compliance → Legal hold', objects: ['custodians', 'held files', 'hold notices'], verbs: ['place', 'release', 'export'], area: 'compliance' },
  { name: 'webhooks', aka: ['event notifications', 'callbacks'], path: 'Admin → Developers → Webhooks', objects: ['endpoints', 'signing secrets', 'deliveries'], verbs: ['add', 'rotate', 'retry'], area: 'developer' },
  { name: 'calendar sync', aka: ['calendar integration', 'meeting files'], path: 'Account settings → Connected apps → Calendar', objects: ['calendars', 'meeting attachments', 'events'], verbs: ['connect', 'disconnect', 'refresh'], area: 'integrations' },
  { name: 'comments and mentions', aka: ['@mentions', 'file comments'], path: 'File panel → Comments', objects: ['comments', 'threads', 'mentions'], verbs: ['resolve', 'delete', 'edit'], area: 'collaboration' },
  { name: 'notifications', aka: ['alerts', 'email notifications'], path: 'Account settings → Notifications', objects: ['daily digest', 'push notifications', 'email alerts'], verbs: ['turn off', 'mute', 'customise'], area: 'account' },
  { name: 'team spaces', aka: ['workspaces', 'project spaces'], path: 'Spaces → Manage spaces', objects: ['space members', 'space owners', 'templates'], verbs: ['create', 'merge', 'delete'], area: 'collaboration' },
  { name: 'document previews', aka: ['file preview', 'thumbnails'], path: 'Admin → Files → Previews', objects: ['previews', 'thumbnails', 'CAD files'], verbs: ['enable', 'regenerate', 'turn off'], area: 'files' },
  { name: 'offline access', aka: ['available offline', 'offline files'], path: 'File menu → Make available offline', objects: ['offline folders', 'local cache', 'downloads'], verbs: ['enable', 'clear', 'limit'], area: 'sync' },
  { name: 'e-signatures', aka: ['electronic signatures', 'sign documents'], path: 'File menu → Request signature', objects: ['signature requests', 'signers', 'signed PDFs'], verbs: ['send', 'remind', 'cancel'], area: 'collaboration' },
  { name: 'automations', aka: ['workflows', 'rules'], path: 'Admin → Automations', objects: ['triggers', 'actions', 'run history'], verbs: ['build', 'pause', 'duplicate'], area: 'collaboration' },
  { name: 'full-text search', aka: ['search inside files', 'content search'], path: 'Search bar → Filters', objects: ['search filters', 'indexed files', 'saved searches'], verbs: ['use', 'refine', 'save'], area: 'files' },
  { name: 'the trash', aka: ['recycle bin', 'deleted files'], path: 'Files → Trash', objects: ['deleted files', 'deleted folders', 'purge schedule'], verbs: ['restore from', 'empty', 'search'], area: 'files' },
  { name: 'customer-managed encryption keys', aka: ['BYOK', 'bring your own key'], path: 'Admin → Security → Encryption', objects: ['key versions', 'key vault', 'rotation schedule'], verbs: ['upload', 'rotate', 'revoke'], area: 'security' },
  { name: 'device management', aka: ['managed devices', 'device approval'], path: 'Admin → Security → Devices', objects: ['approved devices', 'remote wipe', 'device limits'], verbs: ['approve', 'wipe', 'block'], area: 'security' },
  { name: 'IP allowlisting', aka: ['network restrictions', 'trusted IP ranges'], path: 'Admin → Security → Network', objects: ['IP ranges', 'VPN exits', 'exceptions'], verbs: ['add', 'test', 'remove'], area: 'security' },
  { name: 'session timeouts', aka: ['idle timeout', 'automatic sign-out'], path: 'Admin → Security → Sessions', objects: ['idle sessions', 'remember-me cookies', 'session length'], verbs: ['set', 'shorten', 'review'], area: 'security' },
  { name: 'SCIM provisioning', aka: ['automatic user provisioning', 'user sync'], path: 'Admin → Users → Provisioning', objects: ['SCIM tokens', 'provisioned users', 'group mappings'], verbs: ['enable', 'troubleshoot', 'reset'], area: 'admin' },
  { name: 'user groups', aka: ['groups', 'departments'], path: 'Admin → Users → Groups', objects: ['group members', 'group admins', 'nested groups'], verbs: ['create', 'sync', 'delete'], area: 'admin' },
  { name: 'guest accounts', aka: ['guests', 'external users'], path: 'Admin → Users → Guests', objects: ['guest invitations', 'guest expiry', 'guest permissions'], verbs: ['invite', 'extend', 'remove'], area: 'admin' },
  { name: 'training courses', aka: ['security awareness courses', 'training modules'], path: 'Training → Courses', objects: ['course assignments', 'completion certificates', 'quizzes'], verbs: ['assign', 'schedule', 'customise'], area: 'training' },
  { name: 'the Report Phish button', aka: ['phish alert button', 'report phishing add-in'], path: 'Simulations → Settings → Report button', objects: ['reported emails', 'the Outlook add-in', 'the Gmail add-on'], verbs: ['deploy', 'update', 'test'], area: 'phishing' },
  { name: 'risk scores', aka: ['user risk', 'human risk score'], path: 'Training → Risk', objects: ['risk factors', 'department scores', 'trend charts'], verbs: ['read', 'export', 'recalculate'], area: 'training' },
  { name: 'compliance reports', aka: ['audit reports', 'ISO 27001 evidence'], path: 'Reports → Compliance', objects: ['report schedules', 'PDF exports', 'evidence packs'], verbs: ['generate', 'schedule', 'share'], area: 'compliance' },
  { name: 'usage analytics', aka: ['storage analytics', 'adoption dashboard'], path: 'Admin → Insights', objects: ['active users', 'storage by team', 'sharing trends'], verbs: ['view', 'export', 'filter'], area: 'admin' },
  { name: 'storage add-ons', aka: ['extra storage', 'more space'], path: 'Admin → Billing → Add-ons', objects: ['storage packs', 'pooled storage', 'overage'], verbs: ['buy', 'remove', 'resize'], area: 'billing' },
  { name: 'share link passwords', aka: ['password-protected links', 'link protection'], path: 'Share dialog → Link settings', objects: ['link passwords', 'expiry dates', 'download limits'], verbs: ['set', 'change', 'remove'], area: 'sharing' },
  { name: 'watermarks', aka: ['document watermarking', 'viewer watermark'], path: 'Admin → Sharing → Watermarks', objects: ['watermark text', 'preview watermarks', 'downloaded copies'], verbs: ['enable', 'customise', 'turn off'], area: 'sharing' },
  { name: 'domain verification', aka: ['verify your domain', 'DNS verification'], path: 'Admin → Organisation → Domains', objects: ['TXT records', 'verified domains', 'account capture'], verbs: ['verify', 'remove', 'recheck'], area: 'admin' },
  { name: 'custom branding', aka: ['logo and colours', 'white label'], path: 'Admin → Organisation → Branding', objects: ['logos', 'brand colours', 'custom email sender'], verbs: ['upload', 'reset', 'preview'], area: 'admin' },
  { name: 'the public API', aka: ['REST API', 'API'], path: 'Admin → Developers → Apps', objects: ['OAuth apps', 'scopes', 'API quotas'], verbs: ['register', 'authorise', 'revoke'], area: 'developer' },
  { name: 'data residency', aka: ['data region', 'where data is stored'], path: 'Admin → Organisation → Data residency', objects: ['regions', 'region moves', 'backups'], verbs: ['choose', 'move', 'check'], area: 'privacy' },
];

const PLATFORMS = ['Windows', 'macOS', 'Linux', 'iOS', 'Android', 'Chrome', 'Firefox', 'Safari', 'Microsoft Edge', 'ChromeOS'];
const INTEGRATIONS = ['Slack', 'Microsoft Teams', 'Jira', 'Salesforce', 'Zapier', 'HubSpot', 'Zendesk', 'Google Drive', 'Dropbox', 'Box', 'Adobe Acrobat', 'DocuSign', 'Okta', 'ServiceNow', 'Trello', 'Asana'];
const COMPETITORS = ['Google Drive', 'Dropbox', 'Box', 'OneDrive', 'Egnyte', 'SharePoint'];
const PLANS = ['Starter', 'Business', 'Business Plus', 'Enterprise'];
const ROLES = ['Owner', 'Admin', 'Billing admin', 'Member', 'Guest', 'Campaign manager', 'Compliance officer'];
const SYMPTOMS = ['is stuck', 'keeps failing', 'shows a blank page', 'is very slow', 'does not update', 'times out', 'crashes on start', 'shows the wrong data'];
const CAUSES = [
  'an expired session',
  'a proxy or firewall that blocks our domains',
  'an outdated app version',
  'a permission that was removed by an admin',
  'a browser extension that rewrites pages',
  'a full local disk',
  'a clock that is more than five minutes wrong',
  'a storage quota that has been reached',
  'a file name with characters your system does not allow',
  'a policy that your admin applied to your group',
];

interface Kind {
  key: string;
  title: (f: Feature, x: Extras) => string;
  tags: (f: Feature, x: Extras) => string[];
  sections: (rng: Rng, f: Feature, x: Extras) => [string, string][];
  intro: (f: Feature, x: Extras) => string;
}

interface Extras {
  platform: string;
  integration: string;
  competitor: string;
  plan: string;
  role: string;
  code: string;
  limit: number;
  days: number;
  symptom: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const bare = (name: string) => name.replace(/^the /, '');

function steps(rng: Rng, f: Feature, x: Extras, verb: string): string {
  const object = pick(rng, f.objects);
  const lines = [
    `- Sign in as ${/^[AEIOU]/.test(x.role) ? 'an' : 'a'} ${x.role} and open **${f.path}**.`,
    `- Choose the ${object} you want to ${verb}, or click **New** to start from scratch.`,
    `- Check the options on the right; the defaults suit most teams on the ${x.plan} plan.`,
    `- Click **Save**. Changes apply within ${Math.max(1, x.limit % 15)} minutes and are recorded in the audit log.`,
  ];
  if (rng() < 0.5) lines.splice(2, 0, `- If you use ${x.integration}, turn on **Sync with ${x.integration}** so it sees the same ${object}.`);
  if (rng() < 0.4) lines.push(`- To undo it, open the same page and click **Revert**; you have ${x.days} days to change your mind.`);
  return lines.join('\n');
}

const KINDS: Kind[] = [
  {
    key: 'set-up',
    title: (f, x) => `Set up ${bare(f.name)} on the ${x.plan} plan`,
    tags: (f, x) => [f.area, bare(f.name), ...f.aka, 'set up', x.plan.toLowerCase()],
    intro: (f, x) => `${cap(f.name)} (also called ${f.aka.join(' or ')}) is available on the ${x.plan} plan and above. This article explains how to set it up for your organisation and who can change it.`,
    sections: (rng, f, x) => [
      ['Before you start', `You need the ${x.role} role. Check that your organisation has verified its domain, and decide which ${pick(rng, f.objects)} should be included first. Setting up takes about ${x.limit % 30 + 5} minutes.`],
      [`Set up ${bare(f.name)}`, `To set up ${bare(f.name)}:\n\n${steps(rng, f, x, pick(rng, f.verbs))}`],
      ['Who can see it', `Members see ${bare(f.name)} as soon as it is on. Guests see it only when an ${x.role} allows guests in **${f.path}**. Everything ${x.role}s change is kept in the audit log for ${x.days * 12} days.`],
    ],
  },
  {
    key: 'troubleshoot',
    title: (f, x) => `${cap(bare(f.name))} ${x.symptom} on ${x.platform}`,
    tags: (f, x) => [f.area, bare(f.name), x.platform.toLowerCase(), 'troubleshooting', 'not working', 'error'],
    intro: (f, x) => `If ${f.name} ${x.symptom} on ${x.platform}, the cause is usually on your device or network rather than on our side. Work through the checks below in order; most problems are fixed by the first two.`,
    sections: (rng, f, x) => [
      ['Quick checks', pickSome(rng, CAUSES, 4).map((c) => `- Rule out ${c}.`).join('\n')],
      [`Fix it on ${x.platform}`, `Quit and reopen the app, then sign out and back in. On ${x.platform}, clear the app cache from ${x.platform === 'iOS' || x.platform === 'Android' ? 'the app settings' : 'the browser or system settings'} and try again. If ${pick(rng, f.objects)} still fail to load, reinstall the latest version.`],
      ['Still not working', `Check the status page for an incident. If there is none, send us the time it happened, your ${x.platform} version and the error code, if any (such as ${x.code}), through the messenger and we will look at the logs for you.`],
    ],
  },
  {
    key: 'error',
    title: (f, x) => `Error ${x.code} in ${bare(f.name)}`,
    tags: (f, x) => [f.area, bare(f.name), 'error', x.code.toLowerCase(), 'error code'],
    intro: (f, x) => `Error ${x.code} means that ${f.name} could not finish because of ${CAUSES[x.limit % CAUSES.length]}. It does not mean that data was lost: nothing is changed until the action succeeds.`,
    sections: (rng, f, x) => [
      ['What the error means', `${x.code} appears when you try to ${pick(rng, f.verbs)} ${pick(rng, f.objects)} and the request is refused. It is shown in the app and recorded in the audit log with the same code.`],
      ['How to fix it', `${cap(CAUSES[x.limit % CAUSES.length]!)} is fixed by ${x.limit % 2 === 0 ? 'signing out, signing back in and retrying' : `asking your ${x.role} to check **${f.path}**`}. If the error comes back within ${x.days} minutes, wait and retry: some limits reset every hour.`],
      ['Related errors', `Errors with nearby codes, such as ${x.code.replace(/\d$/, (d) => String((Number(d) + 1) % 10))}, come from the same part of the product and are fixed the same way.`],
    ],
  },
  {
    key: 'limits',
    title: (f) => `Limits for ${bare(f.name)}`,
    tags: (f) => [f.area, bare(f.name), 'limits', 'quota', 'maximum', 'how many'],
    intro: (f, x) => `These are the limits that apply to ${f.name} on each plan. Limits protect the service for everyone; on the ${x.plan} plan some of them can be raised on request.`,
    sections: (rng, f, x) => [
      ['Limits by plan', PLANS.map((p, i) => `- ${p}: up to ${x.limit * (i + 1)} ${pick(rng, f.objects)} and ${x.days * (i + 1)} days of history.`).join('\n')],
      ['What happens at the limit', `When you reach a limit we show a warning, and new ${pick(rng, f.objects)} are refused with error ${x.code} until you remove some or upgrade. Nothing existing is deleted.`],
      ['Raise a limit', `${x.role}s on the ${x.plan} plan can ask for a higher limit from **${f.path}** or by messaging support with the reason and the number you need.`],
    ],
  },
  {
    key: 'integration',
    title: (f, x) => `Use ${bare(f.name)} with ${x.integration}`,
    tags: (f, x) => [f.area, bare(f.name), 'integration', x.integration.toLowerCase(), 'connected apps'],
    intro: (f, x) => `Connecting ${x.integration} lets your team work with ${f.name} without leaving ${x.integration}. The connection uses OAuth: we never see your ${x.integration} password.`,
    sections: (rng, f, x) => [
      [`Connect ${x.integration}`, `To connect ${x.integration}:\n\n${steps(rng, f, x, 'connect')}`],
      ['What is shared', `${x.integration} can read the names of ${pick(rng, f.objects)} and post updates; it cannot delete anything. ${x.role}s can limit the connection to some groups in **Admin → Connected apps**.`],
      ['Disconnect', `Disconnecting ${x.integration} stops updates at once. Links already posted keep working for people who have access.`],
    ],
  },
  {
    key: 'permissions',
    title: (f) => `Who can manage ${bare(f.name)}`,
    tags: (f) => [f.area, bare(f.name), 'permissions', 'roles', 'access', 'admin'],
    intro: (f) => `Access to ${f.name} follows the roles in your organisation. This article lists what each role can do and how to give someone more access.`,
    sections: (rng, f, x) => [
      ['What each role can do', pickSome(rng, ROLES, 4).map((r, i) => `- ${r}: ${['everything, including deleting', 'view and change settings', 'view and use', 'view only'][i]} ${pick(rng, f.objects)}.`).join('\n')],
      ['Give someone access', `An Owner or Admin opens **Admin → Users**, picks the person and changes their role, or adds them to a group that has access to ${bare(f.name)}. The change is immediate.`],
    ],
  },
  {
    key: 'export',
    title: (f) => `Export ${pickFirstObject(f)} from ${bare(f.name)}`,
    tags: (f) => [f.area, bare(f.name), 'export', 'download', 'csv', 'backup'],
    intro: (f, x) => `You can export ${f.objects.join(', ')} from ${f.name} as CSV or JSON. Exports include everything you can see and take up to ${x.limit % 20 + 2} minutes for large organisations.`,
    sections: (rng, f, x) => [
      ['Start an export', `Open **${f.path}**, click **Export** and choose CSV or JSON. We email a download link to you when the export is ready; the link expires after ${x.days} days.`],
      ['What is included', `Each row is one of the ${pick(rng, f.objects)} with its owner, dates and status. Deleted items are included only if you tick **Include deleted**.`],
      ['Automate exports', `To export on a schedule, use the public API or connect ${x.integration} and create a scheduled export there.`],
    ],
  },
  {
    key: 'migrate',
    title: (f, x) => `Move ${bare(f.name)} from ${x.competitor}`,
    tags: (f, x) => [f.area, bare(f.name), 'migration', 'import', x.competitor.toLowerCase(), 'switching'],
    intro: (f, x) => `Moving from ${x.competitor}? Our migration tool copies ${f.objects.join(', ')} with their sharing settings, so your team can switch over a weekend.`,
    sections: (rng, f, x) => [
      ['Plan the move', `Count the ${pick(rng, f.objects)} to move and check them against the limits of your plan. Migrations of more than ${x.limit * 100} items run in batches overnight.`],
      ['Run the migration', `Open **Admin → Migration**, choose ${x.competitor}, sign in to ${x.competitor} as an administrator and pick what to copy. You can pause and resume at any time.`],
      ['After the move', `Check the migration report for skipped items. Links to ${x.competitor} files are not rewritten; share the new locations with your team.`],
    ],
  },
  {
    key: 'faq',
    title: (f) => `${cap(bare(f.name))}: frequently asked questions`,
    tags: (f) => [f.area, bare(f.name), 'faq', ...f.aka],
    intro: (f) => `Answers to the questions we are asked most about ${f.name}.`,
    sections: (rng, f, x) => [
      [`Is ${bare(f.name)} included in my plan?`, `It is included on ${PLANS.slice(PLANS.indexOf(x.plan)).join(', ')}. On lower plans you can try it free for ${x.days} days.`],
      [`Can guests use ${bare(f.name)}?`, `Only if an ${x.role} allows it. Guests never see ${pick(rng, f.objects)} outside the spaces they were invited to.`],
      [`Does it work on ${x.platform}?`, `Yes, in the latest two versions. Older versions of ${x.platform} can view but not change ${pick(rng, f.objects)}.`],
    ],
  },
];

function pickFirstObject(f: Feature): string {
  return f.objects[0]!;
}

/** A heading that could belong to any kind of article, to vary section titles across the corpus. */
const EXTRA_SECTIONS: ((f: Feature, x: Extras) => [string, string])[] = [
  (f, x) => ['Keyboard shortcuts', `Press ? anywhere in ${bare(f.name)} to see shortcuts. On ${x.platform} the main ones use ${x.platform === 'macOS' || x.platform === 'iOS' ? 'Cmd' : 'Ctrl'}.`],
  (f, x) => ['Known issues', `On ${x.platform}, ${f.objects[1]} may take up to ${x.limit % 10 + 1} minutes to appear after a change. We are working on a fix.`],
  (f) => ['Privacy', `${cap(f.name)} keeps its data in your organisation's data region and follows your retention policies.`],
  (f, x) => ['Billing', `Using ${bare(f.name)} does not change your bill, except for storage above the ${x.plan} plan's allowance.`],
];

/** The 24 demo articles plus generated ones, `total` in all, in a fixed order. */
export function buildCorpus(demo: ArticleInput[], total: number, seed = 20260301): ArticleInput[] {
  const rng = seededRandom(seed);
  const articles: ArticleInput[] = [...demo];
  const slugs = new Set(demo.map((a) => a.slug));
  const titles = new Set(demo.map((a) => a.title.toLowerCase()));
  let guard = 0;
  while (articles.length < total) {
    if (++guard > total * 50) throw new Error('could not generate enough distinct articles');
    const f = pick(rng, FEATURES);
    const kind = pick(rng, KINDS);
    const x: Extras = {
      platform: pick(rng, PLATFORMS),
      integration: pick(rng, INTEGRATIONS),
      competitor: pick(rng, COMPETITORS),
      plan: pick(rng, PLANS.slice(0, 3)),
      role: pick(rng, ROLES.slice(0, 3)),
      code: `NW-${1000 + Math.floor(rng() * 9000)}`,
      limit: 5 + Math.floor(rng() * 95),
      days: 7 + Math.floor(rng() * 83),
      symptom: pick(rng, SYMPTOMS),
    };
    const title = kind.title(f, x);
    if (titles.has(title.toLowerCase())) continue;
    titles.add(title.toLowerCase());
    let slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 70);
    while (slugs.has(slug)) slug = `${slug}-${articles.length}`;
    slugs.add(slug);
    const sections = kind.sections(rng, f, x);
    if (rng() < 0.5) sections.push(pick(rng, EXTRA_SECTIONS)(f, x));
    const body = [kind.intro(f, x), ...sections.map(([h, t]) => `## ${h}\n\n${t}`)].join('\n\n');
    articles.push({ title, slug, url: `/help/${slug}`, tags: [...new Set(kind.tags(f, x))], body });
  }
  return articles;
}

/** Questions real visitors might ask the demo knowledge base (the same as bench/run.ts's). */
export const DEMO_QUESTIONS = [
  'How do I reset my password?',
  'What are your support hours?',
  'How do I set up two-factor authentication?',
  'I lost my phone with the authenticator app',
  'Can I get an invoice with our VAT number?',
  'How big can an upload be?',
  'How do I invite users to my team?',
  'Do you support SSO with Okta?',
  'How do I cancel my subscription and export my data?',
  'How do I schedule a phishing simulation campaign?',
  'Which IP addresses should we allowlist?',
  'How do I report a security vulnerability?',
  'Is there an outage right now?',
  'What is the API rate limit?',
  'How long do you keep our data?',
  'What is the capital of France?',
];

const OFF_TOPIC = [
  'What is the weather in Paris tomorrow?',
  'Do you sell mountain bikes?',
  'Write me a poem about the sea',
  'Who won the football last night?',
  'Can you recommend a good pizza place near Leeds?',
  'How many moons does Jupiter have?',
  'What is 17 times 23?',
  'Translate good morning into Japanese',
  'Is bitcoin going up this year?',
  'asdf qwerty zxcv',
];

const FRUSTRATED = [
  'this is useless, I have asked three times already!!!',
  'WHY DOES NOTHING WORK',
  'your product is terrible and the sync keeps failing',
  'I am fed up, I want my money back',
];

/**
 * `n` distinct questions over the corpus, in a fixed order: the demo questions, paraphrased questions aimed at
 * generated articles (how-to, error codes, symptoms on a platform, limits, integrations, with and without
 * punctuation, some with typos), long rambling messages, off-topic questions and frustrated ones.
 */
export function buildQuestions(n: number, seed = 777): string[] {
  const rng = seededRandom(seed);
  const out = new Set<string>([...DEMO_QUESTIONS, ...OFF_TOPIC, ...FRUSTRATED]);
  const typo = (s: string) => s.replace(/(\w{5,}?)(\w)(\w)/, (_, a: string, b: string, c: string) => `${a}${c}${b}`);
  const makers: (() => string)[] = [
    () => {
      const f = pick(rng, FEATURES);
      return `How do I ${pick(rng, f.verbs)} ${pick(rng, f.objects)} in ${bare(f.name)}?`;
    },
    () => {
      const f = pick(rng, FEATURES);
      return `${bare(f.name)} ${pick(rng, SYMPTOMS)} on ${pick(rng, PLATFORMS)}, what can I do`;
    },
    () => `I keep getting error NW-${1000 + Math.floor(rng() * 9000)} when I try to ${pick(rng, pick(rng, FEATURES).verbs)} something`,
    () => {
      const f = pick(rng, FEATURES);
      return `What is the maximum number of ${pick(rng, f.objects)} for ${pick(rng, f.aka)}?`;
    },
    () => {
      const f = pick(rng, FEATURES);
      return `Can we connect ${pick(rng, INTEGRATIONS)} to ${pick(rng, f.aka)}?`;
    },
    () => {
      const f = pick(rng, FEATURES);
      return `we are moving from ${pick(rng, COMPETITORS)}, how do we bring over our ${pick(rng, f.objects)}`;
    },
    () => {
      const f = pick(rng, FEATURES);
      return `Who is allowed to change ${bare(f.name)} settings? I'm a ${pick(rng, ROLES).toLowerCase()}`;
    },
    () => {
      const f = pick(rng, FEATURES);
      return typo(`How do I export ${pick(rng, f.objects)} to a spreadsheet from ${pick(rng, f.aka)}?`);
    },
    () => {
      const f = pick(rng, FEATURES);
      const g = pick(rng, FEATURES);
      return (
        `Hi, I'm the ${pick(rng, ROLES).toLowerCase()} for a team of about ${10 + Math.floor(rng() * 400)} people. Since this morning ${bare(f.name)} ` +
        `${pick(rng, SYMPTOMS)} for several of us on ${pick(rng, PLATFORMS)} and ${pick(rng, PLATFORMS)}, and we also noticed that ${pick(rng, g.objects)} in ` +
        `${bare(g.name)} look different. We use ${pick(rng, INTEGRATIONS)} too. We already tried signing out and in again. What should we check next, ` +
        `and is there anything on your side? We are on the ${pick(rng, PLANS)} plan if that matters.`
      );
    },
  ];
  for (let tries = 0; out.size < n; tries++) {
    if (tries > n * 100) throw new Error('could not generate enough distinct questions');
    out.add(pick(rng, makers)());
  }
  return [...out].slice(0, n);
}
