// `npm pack` (prepack): the package holds the built site (dist/) and the server
// compiled to one JavaScript file, so an instructor installs it offline and
// runs it without a clone, a build or a TypeScript loader.
import { fileURLToPath } from 'node:url';
import { buildSite, staleReason } from '../echo-server/site-build.ts';
import { bundleServer, PACKAGED_SERVER } from './build-server.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const stale = staleReason(dist);
if (stale) {
  console.log(`Building the site (${stale})…`);
  await buildSite();
}
await bundleServer(PACKAGED_SERVER);
