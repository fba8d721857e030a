// `npm start` builds the site first when dist/ is missing or older than what
// it is built from, so a fresh clone (or a pulled change) just works.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// echo.ts is shown to readers in the servers lesson, so the site embeds it;
// contracts/ holds paths and limits the site is built with.
const SOURCES = [
  'site',
  'lessons',
  'contracts',
  'public',
  'astro.config.mjs',
  'package.json',
  'echo-server/csp.ts',
  'echo-server/endpoints/echo.ts',
];

/** Newest modification time under `path` (0 when it does not exist). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why the site in `distDir` needs building, or null when it is current. */
export function staleReason(distDir: string, root = ROOT): string | null {
  if (!existsSync(join(distDir, 'index.html'))) return `${distDir} has no built site`;
  const built = newestMtime(distDir);
  const changed = SOURCES.find((s) => newestMtime(join(root, s)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/** Builds the site when `distDir` is stale, saying why first. Rejects with why the build failed. */
export async function buildSiteIfStale(distDir: string, root = ROOT): Promise<void> {
  const stale = staleReason(distDir, root);
  if (!stale) return;
  console.log(`Building the site (${stale})…`);
  await buildSite(root);
}

/**
 * Runs `astro build` into a staging folder, then swaps it in for `dist/`, so a
 * server started meanwhile, or a second build running at the same time, never
 * sees a half-written site. Rejects with why the build failed.
 */
export async function buildSite(root = ROOT): Promise<void> {
  const dist = join(root, 'dist');
  const staging = `${dist}.building-${process.pid}`;
  const previous = `${dist}.previous-${process.pid}`;
  try {
    await astroBuild(root, staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(dist)) renameSync(dist, previous);
  renameSync(staging, dist);
  rmSync(previous, { recursive: true, force: true });
}

function astroBuild(root: string, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/astro/astro.js'), 'build', '--outDir', outDir], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`astro build failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}
