// `npm pack` (prepack): the package holds the built site (dist/) and the server
// compiled to one JavaScript file, so an instructor installs it offline and
// runs it without a clone, a build or a TypeScript loader.
import { DEFAULTS } from '../echo-server/config.ts';
import { buildSiteIfStale } from '../echo-server/site-build.ts';
import { bundleServer, PACKAGED_SERVER } from './build-server.ts';

await buildSiteIfStale(DEFAULTS.staticDir);
await bundleServer(PACKAGED_SERVER);
