// UI strings of the live demos in English, keyed by demo name. Each lesson
// author edits only the keys of their own demos.
export default {
  'binary-type': {
    label: 'binaryType demo',
    legend: 'Receive binary messages as (binaryType)',
    send: 'Send 16 bytes',
    connecting: 'Connecting to /echo…',
    open: 'Connected to /echo; ready to send.',
    closed: 'The connection is closed.',
    receivedBlob: (size: number) => `Got a Blob, size = ${size}. Reading the bytes takes await data.arrayBuffer():`,
    receivedBuffer: (size: number) => `Got an ArrayBuffer, byteLength = ${size}, readable right away:`,
    log: 'Messages received',
  },
};
