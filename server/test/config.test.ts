import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadConfig } from '../src/config';

describe('configuration', () => {
  it('has the contract defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', publicUrl: 'http://127.0.0.1:3000', databaseUrl: 'sqlite:./data/frontdesk.db', supportEmail: 'support@localhost', logLevel: 'info', openai: null });
  });

  it('keeps email attachments under ./data/attachments unless ATTACHMENTS_DIR says otherwise (as an absolute path)', () => {
    expect(loadConfig({}).attachmentsDir).toBe(resolve('./data/attachments'));
    expect(loadConfig({ ATTACHMENTS_DIR: '/var/lib/frontdesk/files' }).attachmentsDir).toBe('/var/lib/frontdesk/files');
  });

  it('checks email senders here unless EMAIL_TRUSTED_AUTHSERV_ID names the MX whose verdict counts (lower-cased)', () => {
    expect(loadConfig({}).emailTrustedAuthservId).toBeNull();
    expect(loadConfig({ EMAIL_TRUSTED_AUTHSERV_ID: 'MX1.Example.com' }).emailTrustedAuthservId).toBe('mx1.example.com');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ADMIN_EMAIL: 'admin@example.org' }, 'ADMIN_PASSWORD'],
    [{ SUPPORT_EMAIL: 'nope' }, 'SUPPORT_EMAIL'],
    [{ ATTACHMENTS_DIR: '   ' }, 'ATTACHMENTS_DIR'],
    [{ EMAIL_TRUSTED_AUTHSERV_ID: 'mx.example.com; dmarc=pass' }, 'EMAIL_TRUSTED_AUTHSERV_ID'],
  ])('%j stops the start with one line naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: .*${name}`));
  });
});
