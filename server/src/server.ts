import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';

/** Starts one server process; the only file that listens. Stops cleanly on SIGTERM/SIGINT within 10 s. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await buildApp(config);
  await app.listen({ port: config.port, host: config.host });
  const { signIn, kai } = app.frontdesk;
  const url = config.publicUrl;
  const lines = [
    `Frontdesk is running (${config.databaseUrl.startsWith('sqlite:') ? 'SQLite' : 'PostgreSQL'}, ${kai.kind} AI agent)`,
    `  Demo help-desk page:  ${url}/`,
    `  Agents' desk:         ${url}/desk`,
    `  Customer portal:      ${url}/portal`,
    `  API reference:        ${url}/api/docs`,
    app.email.inboundPort ? `  Email in (SMTP):      ${config.host}:${app.email.inboundPort} for ${config.supportEmail}` : null,
    signIn ? `  Sign in to the desk as ${signIn}` : null,
  ];
  console.log(`\n${lines.filter((l) => l !== null).join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`Frontdesk failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
