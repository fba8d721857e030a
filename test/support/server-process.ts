// Starts a server in a child process on an ephemeral port, waits until it says
// where it listens, and stops it: the one launcher of the tests and the benches.
// `startServer` runs the real server as a reader does (`npm start`'s command:
// the compiled server, rebuilt when a source changed, which builds the site
// first when it is stale); `startCommand` runs any command that prints its URL
// the same way (the installed package's); `startProcess` underlies both, and
// the benchmark servers, which report their port over IPC instead.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { CLONE_SERVER, ensureBundle } from '../../scripts/build-server.ts';

/** Building the site on a busy two-core machine can take minutes. */
const START_TIMEOUT_MS = 420_000;
/** How long `stop()` waits after SIGTERM before SIGKILL (the server's own shutdown deadline is 5 s). */
const STOP_GRACE_MS = 6000;
const REPO = new URL('../..', import.meta.url);

export interface ServerProcess {
  /** Origin of the server, no trailing slash, e.g. 'http://127.0.0.1:41234'. */
  url: string;
  port: number;
  /** The child, for a caller that talks to it over IPC. */
  child: ChildProcess;
  /** SIGTERM, then SIGKILL if it has not exited within 6 s. */
  stop(): Promise<void>;
}

export interface PlaygroundProcess extends ServerProcess {
  /** The instructor token the server was started with (ADMIN_TOKEN). */
  adminToken: string;
}

export interface ProcessOptions {
  /** Working directory; the repository by default. */
  cwd?: string | URL;
  env?: NodeJS.ProcessEnv;
  /** Open an IPC channel, over which the child may report `{ type: 'listening', port }` instead of printing a URL. */
  ipc?: boolean;
}

/**
 * Spawns `command args…` and resolves once it prints a URL with a port on stdout, or
 * reports its port over IPC; rejects with its output if it exits first or takes too long.
 * After that its stdout is drained and its stderr (errors) passes through.
 */
export async function startProcess(command: string, args: string[], options: ProcessOptions = {}): Promise<ServerProcess> {
  const child = spawn(command, args, {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
  });
  const { stdout, stderr } = child;
  if (!stdout || !stderr) throw new Error('spawn gave no output pipes');
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const done = (error: Error | null, found = '') => {
      clearTimeout(timer);
      stdout.off('data', onStdout);
      stderr.off('data', onStderr);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', done);
      if (error) reject(error);
      else resolve(found);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done(new Error(`${command} did not report where it listens within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onStdout = (chunk: Buffer) => {
      output += chunk.toString();
      // The first URL with a port: the build's own output may mention other sites.
      const match = /https?:\/\/[^\s/]+:\d+/.exec(output);
      if (match) done(null, match[0]);
    };
    const onStderr = (chunk: Buffer) => {
      output += chunk.toString();
    };
    const onMessage = (message: { type?: string; port?: number }) => {
      if (message.type === 'listening') done(null, `http://127.0.0.1:${message.port}`);
    };
    const onExit = (code: number | null) => done(new Error(`${command} exited with ${code} before it listened:\n${output}`));
    stdout.on('data', onStdout);
    stderr.on('data', onStderr);
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', done);
  });
  // Keep draining stdout so a chatty server never blocks on a full pipe; let its errors be seen.
  stdout.resume();
  stderr.pipe(process.stderr, { end: false });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS))]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Runs `command args… --port 0 --quiet` with a fresh ADMIN_TOKEN and waits for the URL it prints. */
export async function startCommand(command: string, args: string[], options: ProcessOptions = {}): Promise<PlaygroundProcess> {
  const adminToken = randomBytes(12).toString('base64url');
  const server = await startProcess(command, [...args, '--port', '0', '--quiet'], {
    ...options,
    env: { ...options.env, ADMIN_TOKEN: adminToken },
  });
  return { ...server, adminToken };
}

/** The real server, compiled as `npm start` compiles it, on an ephemeral port. */
export async function startServer(): Promise<PlaygroundProcess> {
  const cli = await ensureBundle(CLONE_SERVER, { quiet: true });
  return startCommand(process.execPath, [cli]);
}
