// Server defaults the site's own limits are set from, so a run in the browser
// hits the browser's limit before it meets the server's.

/** --max-payload's default: a bigger message to a lesson endpoint closes the socket with 1009. */
export const DEFAULT_MAX_PAYLOAD = 16 * 1024 * 1024;
/** --max-conns-per-ip's default; the runner lets one run open this many sockets at most. */
export const DEFAULT_MAX_CONNS_PER_IP = 256;
