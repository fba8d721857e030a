// Two ways to authenticate a WebSocket from a browser: a one-time ticket
// fetched with the token over HTTP, and the token in the first message.
const TOKEN = 'demo-token';
const HTTP_URL = SERVER_URL.replace(/^ws/, 'http');

function welcome(ws) {
  return new Promise((resolve, reject) => {
    ws.onmessage = (event) => resolve(JSON.parse(event.data));
    ws.onclose = (event) => reject(new Error(`closed with ${event.code} ${event.reason}`));
  });
}

// Ticket: fetch() may send an Authorization header; WebSocket may not.
const response = await fetch(`${HTTP_URL}/auth/tickets`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
const { ticket } = await response.json();
const byTicket = new WebSocket(`${SERVER_URL}/auth/ticket?ticket=${encodeURIComponent(ticket)}`);
console.log('ticket:', await welcome(byTicket));

// First message: the socket opens for anyone, but the server accepts nothing else first.
const byMessage = new WebSocket(`${SERVER_URL}/auth/message`);
byMessage.onopen = () => byMessage.send(JSON.stringify({ type: 'auth', token: TOKEN }));
console.log('message:', await welcome(byMessage));

byTicket.close(1000);
byMessage.close(1000);
