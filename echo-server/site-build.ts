// `npm start` builds the site first when dist/ is missing or older than what
// it is built from, so a fresh clone (or a pulled change) just works.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['site', 'lessons', 'public', 'astro.config.mjs', 'package.json', 'echo-server/csp.ts'];

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

/** Runs `astro build`; resolves when it succeeded, rejects with why it failed. */
export function buildSite(root = ROOT): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/astro/astro.js'), 'build'], {
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
