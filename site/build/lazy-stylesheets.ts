// Keeps the stylesheets of lazily imported code off the pages. Astro links a
// page to every stylesheet its scripts can reach, through dynamic imports too,
// so Monaco's and xterm's CSS (~150 KB) would block the first paint of every
// lesson although the playground loads them only when it scrolls into view.
// Vite's preload already fetches a lazy chunk's CSS together with the chunk;
// this integration finds the CSS that only lazy chunks import and removes its
// <link> from the built HTML.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { OutputBundle, OutputChunk } from 'rollup';
import type { Plugin } from 'vite';

/** The CSS files imported only by chunks that no entry imports statically. */
export function lazyOnlyCss(bundle: OutputBundle): Set<string> {
  const chunks = new Map<string, OutputChunk>();
  for (const output of Object.values(bundle)) if (output.type === 'chunk') chunks.set(output.fileName, output);
  const eager = new Set<string>();
  const visit = (fileName: string): void => {
    const chunk = chunks.get(fileName);
    if (!chunk || eager.has(fileName)) return;
    eager.add(fileName);
    chunk.imports.forEach(visit);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  const cssOf = (chunk: OutputChunk): Set<string> => chunk.viteMetadata?.importedCss ?? new Set();
  const eagerCss = new Set([...eager].flatMap((fileName) => [...cssOf(chunks.get(fileName) as OutputChunk)]));
  const lazy = new Set<string>();
  for (const chunk of chunks.values()) {
    if (eager.has(chunk.fileName)) continue;
    for (const css of cssOf(chunk)) if (!eagerCss.has(css)) lazy.add(css);
  }
  return lazy;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

export function lazyStylesheets(): AstroIntegration {
  let lazy = new Set<string>();
  let base = '/';
  const plugin: Plugin = {
    name: 'wsp:lazy-stylesheets',
    apply: 'build',
    generateBundle(_options, bundle) {
      // Only the browser build's chunks are loaded by pages; the prerender build is Node's.
      if (this.environment?.config.consumer === 'server') return;
      lazy = lazyOnlyCss(bundle);
    },
  };
  return {
    name: 'wsp:lazy-stylesheets',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (lazy.size === 0) return;
        const links = [...lazy].map((css) => `<link rel="stylesheet" href="${base}${css}">`);
        let changed = 0;
        for (const file of await htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const kept = links.reduce((text, link) => text.replaceAll(link, ''), html);
          if (kept !== html) {
            await writeFile(file, kept);
            changed++;
          }
        }
        logger.info(`${lazy.size} lazy-only stylesheets unlinked from ${changed} pages: ${[...lazy].join(', ')}`);
      },
    },
  };
}
