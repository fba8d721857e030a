// `npm start`: options from flags and environment, build the site if needed,
// serve, print the URLs, and shut down cleanly on SIGINT/SIGTERM.
import { ConfigError, helpText, parseConfig } from './config.ts';
import { startPlaygroundServer } from './index.ts';
import { terminalQr } from './workshop/qr.ts';

declare global {
  interface ImportMeta {
    /**
     * True in the installed package (scripts/build-server.ts defines it): it
     * ships its built site and has no sources to build from, so the site build
     * is left out of it altogether.
     */
    readonly packaged?: true;
  }
}

/** Exit status for a bad flag or environment value. */
const EXIT_USAGE = 2;
/** Whatever happens, a shutdown ends within this long (the contract says 5 s). */
const SHUTDOWN_DEADLINE_MS = 4500;

/** On a LAN, a QR code for the first address participants can reach; always, the instructor's link. */
async function printWorkshopAccess(urls: string[], adminToken: string): Promise<void> {
  const lan = urls.find((u) => !/^http:\/\/(127\.|\[::1\]|localhost)/.test(u));
  if (lan) console.log(`\nParticipants can scan this to open ${lan}\n${await terminalQr(lan)}`);
  console.log(`Instructor page (keep this link to yourself):\n  ${lan ?? urls[0]}workshop/?token=${encodeURIComponent(adminToken)}\n`);
}

async function prepareSite(staticDir: string): Promise<void> {
  const { buildSiteIfStale } = await import('./site-build.ts');
  try {
    await buildSiteIfStale(staticDir);
  } catch (error) {
    console.error(`error: ${(error as Error).message}; see the output above. Fix it, or start with --no-build.`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseConfig(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`error: ${error.message}\nRun with --help to see every option.`);
    process.exit(EXIT_USAGE);
  }
  if (options.help) {
    console.log(helpText());
    return;
  }

  if (!import.meta.packaged && options.build) await prepareSite(options.staticDir);

  let server;
  try {
    server = await startPlaygroundServer(options);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    const why = err.code === 'EADDRINUSE' ? `port ${options.port} is already in use (try --port 0 or another port)` : err.message;
    console.error(`error: cannot listen on ${options.host}:${options.port}: ${why}`);
    process.exit(1);
  }

  console.log(`WebSocket Playground is serving on:\n${server.urls.map((u) => `  ${u}`).join('\n')}`);
  await printWorkshopAccess(server.urls, server.endpoints.adminToken);

  let shuttingDown = false;
  const shutDown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal}: closing every connection with 1001…`);
    setTimeout(() => process.exit(0), SHUTDOWN_DEADLINE_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`error during shutdown: ${error.message}`);
        process.exit(0);
      },
    );
  };
  process.on('SIGINT', () => shutDown('SIGINT'));
  process.on('SIGTERM', () => shutDown('SIGTERM'));
}

await main();
