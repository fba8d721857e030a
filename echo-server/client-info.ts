// Who is on the other end of a request: the client's address and the host it
// asked for. Behind a reverse proxy every request comes from the proxy and
// nginx's `Host $host` drops the port, so the proxy's X-Forwarded-For and
// X-Forwarded-Host are believed — but only from the addresses in --trust-proxy,
// as anyone else could write those headers themselves.
import type { IncomingMessage } from 'node:http';

export interface ClientInfo {
  /** The participant's address: per-address caps and token attempts count this. */
  address: string;
  /** The host (with port when not the default) the browser asked for; '' when absent or malformed. */
  host: string;
}

export type ClientResolver = (req: IncomingMessage) => ClientInfo;

/** A host as it may appear in a Host header: name or IPv4, or [IPv6], and an optional port. Nothing that could break a header. */
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export function validHost(value: string | undefined): string {
  const host = value?.trim() ?? '';
  return HOST.test(host) ? host.toLowerCase() : '';
}

export function createClientResolver(trustProxy: readonly string[]): ClientResolver {
  const trusted = new Set(trustProxy.map(plain));
  return (req) => {
    const peer = plain(req.socket.remoteAddress ?? 'unknown');
    if (!trusted.has(peer)) return { address: peer, host: validHost(req.headers.host) };
    // The proxy appends the address it saw last: the rightmost entry is the one it vouches for.
    const forwarded = header(req, 'x-forwarded-for')
      ?.split(',')
      .map((a) => a.trim())
      .filter(Boolean)
      .at(-1);
    const forwardedHost = header(req, 'x-forwarded-host')?.split(',').at(-1);
    return {
      address: forwarded ? plain(forwarded) : peer,
      host: validHost(forwardedHost ?? req.headers.host),
    };
  };
}
