// @ts-check
import { defineConfig } from 'astro/config';
import { playgroundEndpoints } from './echo-server/astro-integration.ts';
import { lazyStylesheets } from './site/build/lazy-stylesheets.ts';
import { monacoWorkerClient } from './site/build/monaco-worker-client.ts';
import { searchIndex } from './site/build/search-index.ts';
import { defaultLocale, locales } from './site/i18n/locales.ts';

/**
 * The playground's libraries in a few chunks of similar size rather than one
 * 3.8 MB file: the browser parses each on its own background thread, so the
 * parse no longer runs on one core while the other idles.
 * @param {string} id
 */
function playgroundChunk(id) {
  // Rollup would pull Vite's preload helper into whichever manual chunk uses it
  // first, and every page's entry script would then load that Monaco chunk.
  if (id.includes('vite/preload-helper')) return 'preload-helper';
  if (id.includes('/@xterm/')) return 'xterm';
  // Split along Monaco's own layering (base and platform below editor/common,
  // below everything else), so no chunk imports one that imports it back.
  const monaco = /\/monaco-editor\/esm\/vs\/(.+)$/.exec(id)?.[1];
  if (!monaco) return undefined;
  // The TypeScript service is imported only once the editor shows (site/playground/editor.ts);
  // its worker's constructor (`?worker`) is imported up front.
  if (monaco.startsWith('languages/features/typescript/') && !monaco.includes('?worker')) return 'monaco-typescript';
  if (/^(base|platform)\/|^(nls|amdX)\.js/.test(monaco)) return 'monaco-base';
  return monaco.startsWith('editor/common/') ? 'monaco-model' : 'monaco-view';
}

export default defineConfig({
  srcDir: './site',
  outDir: './dist',
  output: 'static',
  trailingSlash: 'always',
  i18n: {
    locales: [...locales],
    defaultLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [playgroundEndpoints(), lazyStylesheets(), searchIndex()],
  // Nothing may be fetched from another host at run time, and the bundled
  // server has no image service to call.
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
  devToolbar: { enabled: false },
  // The CSP allows scripts only from 'self': never inline scripts or assets as
  // inline/data: URLs.
  vite: {
    build: { assetsInlineLimit: 0, rollupOptions: { output: { manualChunks: playgroundChunk } } },
    plugins: [monacoWorkerClient()],
  },
});
