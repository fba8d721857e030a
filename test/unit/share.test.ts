import { describe, expect, it } from 'vitest';
import { decodeShareHash, encodeShareHash, shareUrl } from '../../site/playground/share.ts';

describe('share links', () => {
  it('round-trips code, including non-ASCII and symbols', () => {
    const code = "const ws = new WebSocket(ECHO_URL);\nws.onopen = () => ws.send('你好 #&?=%');\n";
    const hash = encodeShareHash(code);
    expect(hash.startsWith('#code=')).toBe(true);
    expect(hash).toMatch(/^#code=[A-Za-z0-9+\-$_]*$/);
    expect(decodeShareHash(hash)).toBe(code);
  });

  it('compresses repetitive code below its own length', () => {
    const code = 'console.log("again");\n'.repeat(50);
    expect(encodeShareHash(code).length).toBeLessThan(code.length / 2);
  });

  it('answers undefined for hashes that are not share links or do not decode', () => {
    expect(decodeShareHash('')).toBeUndefined();
    expect(decodeShareHash('#section-2')).toBeUndefined();
    expect(decodeShareHash('#code=')).toBeUndefined();
    expect(decodeShareHash('#code=%%%not-lz')).toBeUndefined();
  });

  it('builds the link from the page address', () => {
    const url = shareUrl({ origin: 'http://10.0.0.5:8080', pathname: '/en/send/' }, 'x');
    expect(url.startsWith('http://10.0.0.5:8080/en/send/#code=')).toBe(true);
    expect(decodeShareHash(new URL(url).hash)).toBe('x');
  });
});
