// The instructor's token: generated at start unless one is given, compared in
// constant time so response timing does not leak it character by character.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function generateAdminToken(): string {
  return randomBytes(12).toString('base64url');
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export type TokenVerdict = 'ok' | 'missing' | 'wrong';

export function checkAdminToken(expected: string, given: string | null): TokenVerdict {
  if (given === null || given === '') return 'missing';
  return timingSafeEqual(digest(expected), digest(given)) ? 'ok' : 'wrong';
}
