import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL- and cookie-safe. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256, so a copy of the database does not hand out sessions. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
