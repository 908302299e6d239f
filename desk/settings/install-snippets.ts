/** The text the Install page shows: the snippet, server-side signing examples, CSP lines and SPA usage. */

const STUB = 'window.Frontdesk=window.Frontdesk||function(){(Frontdesk.q=Frontdesk.q||[]).push(arguments)};';

/** The tag a site owner pastes before `</body>`. */
export function snippetFor(publicUrl: string, key: string): string {
  return [`<script>${STUB}</script>`, `<script async src="${publicUrl}/widget.js" data-site="${key}"></script>`].join('\n');
}

/** A host page with a strict CSP: the stub carries the page's nonce. */
export function strictCspFor(publicUrl: string, key: string): { header: string; html: string } {
  return {
    header: `Content-Security-Policy: script-src 'nonce-<n>' ${publicUrl}; style-src 'self'; frame-src ${publicUrl}; connect-src ${publicUrl}`,
    html: [`<script nonce="<n>">${STUB}</script>`, `<script async nonce="<n>" src="${publicUrl}/widget.js" data-site="${key}"></script>`].join('\n'),
  };
}

/** Signing a visitor JWT on the host's server: HS256, `kid` = the secret's id, `sub` = the user id, short `exp`. */
export function signingExamples(kid: string): { language: string; code: string }[] {
  return [
    {
      language: 'Node (jose)',
      code: [
        "import { SignJWT } from 'jose';",
        `const key = new TextEncoder().encode(process.env.FRONTDESK_SECRET); // the secret shown once for ${kid}`,
        'const token = await new SignJWT({ email: user.email, name: user.name })',
        `  .setProtectedHeader({ alg: 'HS256', kid: '${kid}' })`,
        "  .setSubject(String(user.id)).setExpirationTime('1h').sign(key);",
      ].join('\n'),
    },
    {
      language: 'Python (PyJWT)',
      code: [
        'import jwt, os, time',
        'token = jwt.encode(',
        '    {"sub": str(user.id), "email": user.email, "name": user.name, "exp": int(time.time()) + 3600},',
        '    os.environ["FRONTDESK_SECRET"], algorithm="HS256",',
        `    headers={"kid": "${kid}"})`,
      ].join('\n'),
    },
    {
      language: 'PHP (firebase/php-jwt)',
      code: [
        'use Firebase\\JWT\\JWT;',
        "$payload = ['sub' => (string) $user->id, 'email' => $user->email, 'name' => $user->name, 'exp' => time() + 3600];",
        `$token = JWT::encode($payload, getenv('FRONTDESK_SECRET'), 'HS256', '${kid}');`,
      ].join('\n'),
    },
  ];
}

/** `boot` with the signed user, `update` on route changes, `shutdown` at sign-out. */
export const SPA_USAGE = [
  "// after sign-in (token from your server, as above)",
  "Frontdesk('boot', { user: { id: user.id, email: user.email, name: user.name, token } });",
  '// on every route change of a single-page app',
  "Frontdesk('update');",
  '// at sign-out: the next visitor on this browser starts fresh',
  "Frontdesk('shutdown');",
  "Frontdesk('boot');",
].join('\n');
