// `npm test`: the type check (`astro check`: .astro files and every .ts in
// tsconfig.json) and the lint run beside the site build (which the e2e server
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
    const child = spawn(process.execPath, [script, ...args], {
      cwd: ROOT,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
    });
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

/** A check whose output is shown only when it fails. */
interface Check {
  name: string;
  script: string;
  args: string[];
}

// The same commands as `npm run typecheck` and `npm run lint`.
const CHECKS: Check[] = [
  { name: 'Type check (astro check)', script: 'node_modules/astro/astro.js', args: ['check', '--minimumSeverity', 'warning'] },
  { name: 'Lint (biome check)', script: 'node_modules/@biomejs/biome/bin/biome', args: ['check', '--error-on-warnings', '.'] },
];

console.log('Type check, lint and site build, side by side…');
const [buildError, results] = await Promise.all([
  buildIfStale().then(
    () => null,
    (error: Error) => error,
  ),
  Promise.all(CHECKS.map((check) => runNode(check.script, check.args, true))),
]);
let failed = false;
CHECKS.forEach((check, i) => {
  const { code, output } = results[i]!;
  if (code === 0) return;
  console.error(`${check.name} failed:\n${output}`);
  failed = true;
});
if (buildError) {
  console.error(`error: ${buildError.message}; see the output above.`);
  failed = true;
}
if (failed) process.exit(1);
process.exit((await runNode('node_modules/vitest/vitest.mjs', ['run', ...process.argv.slice(2)])).code);
