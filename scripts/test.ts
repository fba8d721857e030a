// `npm test`: the type check runs beside the site build (which the e2e server
// and the package test then find current, so the site is built once per
// change), then vitest runs every suite. Arguments go to vitest.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULTS } from '../echo-server/config.ts';
import { buildSiteIfStale } from '../echo-server/site-build.ts';
import { CLONE_SERVER, ensureBundle } from './build-server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs a Node script of a dependency; resolves with its exit code and, when `capture`, its output. */
function runNode(script: string, args: string[], capture = false): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function buildIfStale(): Promise<void> {
  await buildSiteIfStale(DEFAULTS.staticDir);
  await ensureBundle(CLONE_SERVER);
}

console.log('Type check (tsc) and site build, side by side…');
const [typecheck, build] = await Promise.allSettled([runNode('node_modules/typescript/bin/tsc', ['--noEmit', '-p', 'tsconfig.json'], true), buildIfStale()]);
if (typecheck.status === 'rejected' || typecheck.value.code !== 0) {
  console.error(`Type check failed:\n${typecheck.status === 'rejected' ? typecheck.reason : typecheck.value.output}`);
  process.exit(1);
}
if (build.status === 'rejected') {
  console.error(`error: ${(build.reason as Error).message}; see the output above.`);
  process.exit(1);
}
process.exit((await runNode('node_modules/vitest/vitest.mjs', ['run', ...process.argv.slice(2)])).code);
