// RFC 6455 §5.2 frame header arithmetic, shared by the demos that compare
// WebSocket framing with HTTP and by the features lesson's check.

/** Bytes of the extended payload length field for a payload of `length` bytes: 0, 2 or 8. */
export function extendedLengthBytes(length: number): number {
  return length <= 125 ? 0 : length <= 0xffff ? 2 : 8;
}

/** Header bytes of one frame carrying `length` payload bytes; a browser masks (4-byte key), a server does not. */
export function frameHeaderSize(length: number, masked: boolean): number {
  return 2 + extendedLengthBytes(length) + (masked ? 4 : 0);
}
