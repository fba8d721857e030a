// @ts-check
import { defineConfig } from 'astro/config';
import { playgroundEndpoints } from './echo-server/astro-integration.ts';

export default defineConfig({
  srcDir: './site',
  outDir: './dist',
  output: 'static',
  trailingSlash: 'always',
  i18n: {
    locales: ['zh', 'en'],
    defaultLocale: 'zh',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [playgroundEndpoints()],
  // Nothing may be fetched from another host at run time, and the bundled
  // server has no image service to call.
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
  devToolbar: { enabled: false },
  // The CSP allows scripts only from 'self': never inline scripts or assets as
  // inline/data: URLs.
  vite: { build: { assetsInlineLimit: 0 } },
});
