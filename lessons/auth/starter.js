// A browser cannot put an Authorization header on a WebSocket handshake.
// This code tries to connect without doing anything about it.
const TOKEN = 'demo-token'; // what your app's login gave you

function report(ws, name) {
  ws.onopen = () => console.log(name, 'open');
  ws.onmessage = (event) => console.log(name, 'got', event.data);
  ws.onclose = (event) => console.log(name, 'close', event.code, event.reason);
}

// Pattern 2, ticket: no ticket in the URL, so the server answers 401 and the page sees error + 1006.
report(new WebSocket(`${SERVER_URL}/auth/ticket`), '/auth/ticket');

// Pattern 3, first message: the first message is not {"type":"auth"}, so the server closes with 1008.
const ws = new WebSocket(`${SERVER_URL}/auth/message`);
report(ws, '/auth/message');
ws.addEventListener('open', () => ws.send('hello'));
