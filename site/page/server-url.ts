// The WebSocket base of the host that served this page: ws:// beside http://,
// wss:// beside https://, so the same code works on a laptop, a LAN and behind TLS.

export function webSocketBase(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}
