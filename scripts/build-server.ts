// Compiles the server (echo-server/cli.ts and everything it imports, ws,
// ioredis, sirv… included) to one JavaScript file with esbuild, so it runs on
// plain Node: no TypeScript loader at run time, and nothing to install.
//
//   build/cli.js                 what `npm start` runs from a clone: builds the site when it is stale
//   build/websocket-playground.js  the package's command: serves the site it ships, never builds
//
// `node --import tsx scripts/build-server.ts` rebuilds both when a source is newer.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Bundle {
  /** The TypeScript entry point, relative to the repository. */
  entry: string;
  /** Where the JavaScript goes, relative to the repository. */
  outfile: string;
  /** The package's build: defines `import.meta.packaged`, which drops the site build. */
  packaged?: boolean;
}

export const CLONE_SERVER: Bundle = { entry: 'echo-server/cli.ts', outfile: 'build/cli.js' };
export const PACKAGED_SERVER: Bundle = { entry: 'echo-server/cli.ts', outfile: 'build/websocket-playground.js', packaged: true };

// CommonJS dependencies (ioredis, prom-client…) call require(); an ES module has none of its own.
const REQUIRE_SHIM =
  "import { createRequire as __wspCreateRequire } from 'node:module'; const require = __wspCreateRequire(import.meta.url);";

/** The metafile next to a bundle lists what it was built from, for the staleness check. */
const metaPath = (outfile: string) => `${outfile}.meta.json`;

/** Why `bundle` needs building, or null when it is newer than every file it was built from. */
export function bundleStaleReason(bundle: Bundle, root = ROOT): string | null {
  const out = join(root, bundle.outfile);
  if (!existsSync(out) || !existsSync(metaPath(out))) return `${bundle.outfile} is missing`;
  const built = statSync(out).mtimeMs;
  const { inputs } = JSON.parse(readFileSync(metaPath(out), 'utf8')) as Metafile;
  const changed = [...Object.keys(inputs), 'package-lock.json', 'scripts/build-server.ts'].find((input) => {
    const path = join(root, input);
    return !existsSync(path) || statSync(path).mtimeMs > built;
  });
  return changed ? `${changed} changed since the last build` : null;
}

/**
 * Bundles one server. The file is written aside and renamed into place, so a
 * server started meanwhile, or a second build at the same time, never runs a
 * half-written one.
 */
export async function bundleServer(bundle: Bundle, root = ROOT): Promise<void> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [bundle.entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    write: false,
    metafile: true,
    logLevel: 'warning',
    // ws loads these native speed-ups when present and works without them.
    external: ['bufferutil', 'utf-8-validate'],
    define: bundle.packaged ? { 'import.meta.packaged': 'true' } : {},
    banner: { js: `${bundle.packaged ? '#!/usr/bin/env node\n' : ''}${REQUIRE_SHIM}` },
    legalComments: 'eof',
  });
  const out = join(root, bundle.outfile);
  mkdirSync(dirname(out), { recursive: true });
  const staged = `${out}.${process.pid}.tmp`;
  writeFileSync(staged, result.outputFiles![0]!.contents, { mode: 0o755 });
  writeFileSync(metaPath(out), JSON.stringify(result.metafile));
  renameSync(staged, out);
}

/** Builds `bundle` when it is stale; says why on stdout unless `quiet`. */
export async function ensureBundle(bundle: Bundle, { quiet = false } = {}): Promise<string> {
  const stale = bundleStaleReason(bundle);
  if (stale) {
    if (!quiet) console.log(`Compiling the server (${stale})…`);
    await bundleServer(bundle);
  }
  return join(ROOT, bundle.outfile);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bundles = process.argv.includes('--package') ? [PACKAGED_SERVER] : [CLONE_SERVER];
  for (const bundle of bundles) await ensureBundle(bundle, { quiet: process.argv.includes('--quiet') });
}
