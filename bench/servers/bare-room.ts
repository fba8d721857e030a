// The workshop baseline: the smallest ws server that relays a chat message to
// everyone in one room (JSON like ours) and holds presence sockets open.
import { WebSocketServer, type WebSocket } from 'ws';
import { serveParent } from './child-protocol.ts';

const room = new Set<WebSocket>();
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
wss.on('connection', (ws, req) => {
  if (!req.url?.startsWith('/chat')) return;
  room.add(ws);
  ws.on('close', () => room.delete(ws));
  ws.on('message', (data) => {
    const event = JSON.stringify({ type: 'message', text: String(data), time: new Date().toISOString() });
    for (const member of room) member.send(event);
  });
});
wss.on('listening', () => {
  const address = wss.address();
  serveParent(typeof address === 'object' && address ? address.port : 0);
});
