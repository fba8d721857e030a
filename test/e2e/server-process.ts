// Starts the real server the way a reader does (`npm start`'s command on an
// ephemeral port; it builds the site first when it is stale) and returns the
// first URL it prints. Used by the e2e global setup and bench/page-budgets.ts.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

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

export async function startServer(): Promise<ServerProcess> {
  const adminToken = randomBytes(12).toString('base64url');
  const child = spawn(process.execPath, ['--import', 'tsx', 'echo-server/cli.ts', '--port', '0', '--quiet'], {
    cwd: new URL('../..', import.meta.url),
    env: { ...process.env, ADMIN_TOKEN: adminToken },
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
