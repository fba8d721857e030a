// A QR code drawn with block characters, so participants in the room can point
// a phone at the instructor's terminal instead of typing an address.
import QRCode from 'qrcode';

export function terminalQr(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
}
