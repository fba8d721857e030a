// Where the server answers and what a client must say to get in: every
// WebSocket endpoint's path, the HTTP routes the site calls, the runner's page,
// and the fixed values the course teaches with (the RPC subprotocol, the demo
// access token). The README's Endpoints section documents each.

/**
 * WebSocket endpoints, by name. echo-server/endpoints/echo.ts spells '/echo' out
 * (the servers lesson shows that file to readers); a test holds the two together.
 */
export const WS_PATHS = {
  echo: '/echo',
  handshake: '/handshake',
  push: '/push',
  slow: '/slow',
  close: '/close',
  firehose: '/firehose',
  numbers: '/numbers',
  heartbeat: '/heartbeat',
  rpc: '/rpc',
  authCookie: '/auth/cookie',
  authTicket: '/auth/ticket',
  authMessage: '/auth/message',
  chat: '/chat',
  presence: '/presence',
  admin: '/admin',
} as const;

/** HTTP routes besides the static site. */
export const HTTP_PATHS = {
  weather: '/api/weather',
  login: '/auth/login',
  logout: '/auth/logout',
  tickets: '/auth/tickets',
  health: '/healthz',
  metrics: '/metrics',
} as const;

/** The sandboxed runner's page: served under its own Content-Security-Policy, framed by lesson pages. */
export const RUNNER_PATH = '/runner/';

/** The subprotocol /rpc selects when offered (and without which it closes with 1008). */
export const RPC_SUBPROTOCOL = 'jsonrpc-2.0';
/** The access token the auth lesson's endpoints accept: a stand-in for one an app would issue. */
export const DEMO_ACCESS_TOKEN = 'demo-token';
