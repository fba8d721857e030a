// The baseline for the editor-ready budget: bench/monaco-floor/, a page with
// nothing but Monaco's core, built by Vite into a temp folder and served from
// 127.0.0.1. Timed the same way as the lesson page, it shows how much of the
// lesson's time is Monaco's own start on this machine.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { build } from 'vite';
import { monacoWorkerClient } from '../site/build/monaco-worker-client.ts';

export interface MonacoFloor {
  url: string;
  stop(): Promise<void>;
}

export async function serveMonacoFloor(): Promise<MonacoFloor> {
  const outDir = await mkdtemp(join(tmpdir(), 'wsp-monaco-floor-'));
  await build({
    root: fileURLToPath(new URL('./monaco-floor/', import.meta.url)),
    configFile: false,
    plugins: [monacoWorkerClient()],
    logLevel: 'warn',
    // Monaco's core is one multi-megabyte chunk by design here; Vite's size warning would only be noise.
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000 },
  });
  const serve = sirv(outDir);
  const server = createServer((req, res) => serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
