// The baseline: the smallest echo server ws allows, nothing else.
import { WebSocketServer } from 'ws';
import { serveParent } from './child-protocol.ts';

const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
});
wss.on('listening', () => {
  const address = wss.address();
  serveParent(typeof address === 'object' && address ? address.port : 0);
});
