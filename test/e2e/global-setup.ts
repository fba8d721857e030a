// Starts the real server exactly as a reader does (`npm start`'s command, on
// an ephemeral port, building the site when it is stale) and provides its
// base URL to every e2e test as `inject('baseUrl')`, e.g. 'http://127.0.0.1:41234'.
// The server is stopped with SIGTERM after the run.
import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the server under test, no trailing slash. */
    baseUrl: string;
  }
}

/** Building the site on a busy two-core machine can take minutes. */
const START_TIMEOUT_MS = 300_000;

let server: ChildProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'echo-server/cli.ts', '--port', '0', '--quiet'], {
    cwd: new URL('../..', import.meta.url),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not print a URL within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /https?:\/\/[^\s/]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before printing a URL:\n${output}`));
    });
  });
  project.provide('baseUrl', url);
}

export async function teardown(): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 6000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
