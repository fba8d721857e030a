// Starts the real server the way a reader does (`npm start`'s command — the
// compiled server, rebuilt when a source changed — on an ephemeral port; it
// builds the site first when it is stale) and returns the first URL it prints.
// Used by the e2e global setup and bench/page-budgets.ts; `startCommand` starts
// any command that prints its URL the same way (the installed package's).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { CLONE_SERVER, ensureBundle } from '../../scripts/build-server.ts';

/** Building the site on a busy two-core machine can take minutes. */
const START_TIMEOUT_MS = 420_000;

export interface ServerProcess {
  /** Origin of the server, no trailing slash, e.g. 'http://127.0.0.1:41234'. */
  url: string;
  /** The instructor token the server was started with (ADMIN_TOKEN). */
  adminToken: string;
  /** SIGTERM, then SIGKILL if it has not exited within 6 s. */
  stop(): Promise<void>;
}

export interface CommandOptions {
  /** Working directory; the repository by default. */
  cwd?: string | URL;
  env?: NodeJS.ProcessEnv;
}

/** Runs `command args… --port 0 --quiet` with a fresh ADMIN_TOKEN and waits for the URL it prints. */
export async function startCommand(command: string, args: string[], options: CommandOptions = {}): Promise<ServerProcess> {
  const adminToken = randomBytes(12).toString('base64url');
  const child = spawn(command, [...args, '--port', '0', '--quiet'], {
    cwd: options.cwd ?? new URL('../..', import.meta.url),
    env: { ...process.env, ...options.env, ADMIN_TOKEN: adminToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`server did not print a URL within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // The first URL with a port: the build's own output may mention other sites.
      const match = /https?:\/\/[^\s/]+:\d+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before printing a URL:\n${output}`));
    });
  });
  // Keep draining output so a chatty server never blocks on a full pipe.
  child.stdout.resume();
  child.stderr.resume();
  return {
    url,
    adminToken,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 6000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export async function startServer(): Promise<ServerProcess> {
  const cli = await ensureBundle(CLONE_SERVER, { quiet: true });
  return startCommand(process.execPath, [cli]);
}
