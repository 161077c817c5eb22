import { controlCharacter } from '../lib/clean-text';

/** Only same-site paths are followed after sign-in or a language change (no open redirects). */
export function safeReturnPath(candidate: string | undefined | null, fallback = '/'): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//')) return fallback;
  if (candidate.includes('\\') || controlCharacter.test(candidate)) return fallback;
  return candidate;
}
