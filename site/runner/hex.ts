// Hex previews of binary data, shared by console formatting and the inspector.

/** Space-separated lowercase hex of the first `max` bytes, with `…` when there are more. */
export function hexPreview(bytes: Uint8Array, max: number): string {
  const shown = Array.from(bytes.subarray(0, max), (b) => b.toString(16).padStart(2, '0'));
  if (bytes.length > max) shown.push('…');
  return shown.join(' ');
}

/** The bytes behind an ArrayBuffer or any ArrayBuffer view, without copying. */
export function bytesOf(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}
