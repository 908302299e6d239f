/**
 * Generated hostile payloads for the fuzz suites (fast-check): wrong types, huge strings, deep objects, unicode
 * edge cases, and near-misses of the real field names with wrong values.
 */
import fc from 'fast-check';

/** Strings that break naive code: lone surrogates, NULs, RTL overrides, zero-width joiners, combining marks. */
export const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '\udfff', '\u202e\u202d', '\u200d\u200d', 'e\u0301\u0301\u0301', '\ufeff', '%00', '../../etc/passwd', '<script>alert(1)</script>', '__proto__', 'constructor', "'; DROP TABLE tickets;--", '${7*7}', 'null', 'undefined', 'NaN', '-1', '1e309', '🏳️‍🌈'.repeat(50)),
  fc.constantFrom('a'.repeat(300_000), '\u0000'.repeat(70_000), ' '.repeat(100_000) + 'x', '>'.repeat(80_000), '<'.repeat(80_000)),
);

/** Names our schemas use, so generated objects reach past "unknown key" into each field's checks. */
const FIELDS = [
  'subject', 'description', 'body', 'email', 'name', 'password', 'current', 'next', 'role', 'active', 'status', 'kind', 'token', 'siteKey',
  'origin', 'user', 'id', 'timeZone', 'language', 'urgency', 'impact', 'channel', 'requester', 'internal', 'clientId', 'afterSeq', 'typing',
  'ticketId', 'expiresAt', 'tool', 'url', 'startsAt', 'note', 'site', 'receivedAt', 'q', 'title', 'slug', 'tags', 'categories', '__proto__',
] as const;

const scalar = fc.oneof(nastyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.bigInt().map(String));

/** Deeply nested arrays and objects, past anything a recursive walker should go. */
export const deepValue = fc.integer({ min: 1, max: 3000 }).map((depth) => nested(depth));

/** `depth` levels of alternating objects and arrays around one string. */
export function nested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

export const fieldObject = fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(scalar, fc.jsonValue({ maxDepth: 3 }), deepValue), { maxKeys: 8 });

/** Any payload a client might send: objects with our field names, any JSON, deep values, scalars. */
export const payload = fc.oneof(fieldObject, fieldObject, fc.jsonValue({ maxDepth: 4 }), deepValue, scalar, fc.constant(undefined));

/** URL-encodes any string; a lone surrogate (which no URL can carry) becomes U+FFFD first. */
export const encode = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

/** A path segment: ids, numbers and nasty strings, URL-encoded so the request is well-formed. */
export const pathSegment = fc.oneof(fc.uuid(), fc.integer().map(String), nastyString.filter((s) => s.length < 2000)).map((s) => encode(s) || 'x');
