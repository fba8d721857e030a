// Share links carry the code in the URL hash, compressed with lz-string.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

const PREFIX = '#code=';

/** The hash fragment (with '#') that carries `code`. */
export function encodeShareHash(code: string): string {
  return PREFIX + compressToEncodedURIComponent(code);
}

/** The code carried by a hash, or undefined when the hash is not a (valid) share hash. */
export function decodeShareHash(hash: string): string | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  const code = decompressFromEncodedURIComponent(hash.slice(PREFIX.length));
  // lz-string answers '' or null for input it cannot decode.
  return code ? code : undefined;
}

export function shareUrl(location: Pick<Location, 'origin' | 'pathname'>, code: string): string {
  return location.origin + location.pathname + encodeShareHash(code);
}
