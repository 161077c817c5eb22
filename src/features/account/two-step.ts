import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { hashSecretToken } from '../../lib/tokens';

/** RFC 6238 with the parameters every authenticator app understands: SHA-1, 6 digits, 30 s. */
function totpOf(secret: string, accountName = '') {
  return new TOTP({
    issuer: 'Kurssipolku',
    label: accountName,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
}

/** 160 random bits, base32, as RFC 4226 recommends. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountName: string): string {
  return totpOf(secret, accountName).toString();
}

/** Spaces are allowed in what people type ("123 456"). */
export function looksLikeTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s/g, ''));
}

const periodMilliseconds = 30_000;

/**
 * The 30-second step a code belongs to, accepting the current step and the one before and after
 * (clock drift); null when the code is not right now.
 */
export function totpStepOf(secret: string, code: string, now: Date): number | null {
  if (!looksLikeTotpCode(code)) return null;
  const token = code.replace(/\s/g, '');
  const delta = totpOf(secret).validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / periodMilliseconds) + delta;
}

export function isCurrentTotpCode(secret: string, code: string, now: Date): boolean {
  return totpStepOf(secret, code, now) !== null;
}

/** The QR code as an SVG data: address for an <img>, so no inline markup or script is needed. */
export async function qrCodeImage(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export const recoveryCodeCount = 10;
const recoveryAlphabet = 'abcdefghijkmnpqrstuvwxyz23456789'; // 32 letters, no 0/o or 1/l

/** Ten one-time codes of 16 letters (80 bits each), shown once as "abcd-efgh-jkmn-pqrs". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const letters = Array.from(randomBytes(16), (byte) => recoveryAlphabet[byte & 31]).join('');
    return letters.match(/.{4}/g)!.join('-');
  });
}

/** Codes are random enough that a plain SHA-256 protects them; case and dashes do not matter. */
export function recoveryCodeHash(code: string): string {
  return hashSecretToken(code.toLowerCase().replace(/[^a-z0-9]/g, ''));
}
