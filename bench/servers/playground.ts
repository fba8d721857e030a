// Our server, started the way the CLI starts it, with the settings the
// parent passes as JSON in argv[2].
import { startPlaygroundServer, type AttachOptions } from '../../echo-server/index.ts';
import { serveParent } from './child-protocol.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as AttachOptions;
const server = await startPlaygroundServer({ port: 0, host: '127.0.0.1', quiet: true, ...options });
serveParent(server.port);
