// Starts the real server exactly as a reader does (`npm start`'s command, on
// an ephemeral port, building the site when it is stale — see
// test/support/server-process.ts) and provides its origin to every e2e test as
// `inject('baseUrl')`, e.g. 'http://127.0.0.1:41234' (no trailing slash).
// The server gets SIGTERM after the run.
import type { TestProject } from 'vitest/node';
import { startServer } from '../support/server-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the server under test, no trailing slash. */
    baseUrl: string;
    /** The instructor token the server under test was started with. */
    adminToken: string;
  }
}

/** Each Chromium project gets its own server, stopped by the teardown this returns. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startServer();
  project.provide('baseUrl', server.url);
  project.provide('adminToken', server.adminToken);
  return () => server.stop();
}
