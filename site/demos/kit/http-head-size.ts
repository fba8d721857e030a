// Size of an HTTP/1.1 response head as it went over the wire, rebuilt from
// what fetch exposes. Resource Timing cannot tell: browsers report
// transferSize as the body plus a fixed 300 bytes, so header sizes do not leak.

/** Bytes of the status line, the headers and the blank line of `res`. */
export function responseHeadBytes(res: Response): number {
  const lines = [`HTTP/1.1 ${res.status} ${res.statusText}`];
  res.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  // Header values are byte strings (one character per byte), so characters are bytes.
  return `${lines.join('\r\n')}\r\n\r\n`.length;
}
