import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  isCurrentTotpCode,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  totpUri,
} from '../../src/features/account/two-step';

describe('two-step codes', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-09-01T09:00:10Z');
  const codeAt = (at: Date) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
  const secondsFromNow = (seconds: number) => new Date(now.getTime() + seconds * 1000);

  it('accepts the current step and one step either side, nothing further', () => {
    expect(isCurrentTotpCode(secret, codeAt(now), now)).toBe(true);
    expect(isCurrentTotpCode(secret, codeAt(secondsFromNow(-30)), now)).toBe(true);
    expect(isCurrentTotpCode(secret, codeAt(secondsFromNow(30)), now)).toBe(true);
    expect(isCurrentTotpCode(secret, codeAt(secondsFromNow(-60)), now)).toBe(false);
    expect(isCurrentTotpCode(secret, codeAt(secondsFromNow(90)), now)).toBe(false);
  });

  it('accepts a code typed with a space in the middle, and refuses anything but six digits', () => {
    const code = codeAt(now);
    expect(isCurrentTotpCode(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(true);
    expect(isCurrentTotpCode(secret, `${code}0`, now)).toBe(false);
    expect(isCurrentTotpCode(secret, 'abcdef', now)).toBe(false);
  });

  it('names the issuer and the account in the address an app reads', () => {
    const uri = totpUri(secret, 'maija@test.example');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Kurssipolku:maija%40test\.example\?/);
    expect(uri).toContain(`secret=${secret}`);
  });

  it('makes ten different recovery codes of 16 letters that hash the same however typed', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const code = codes[0]!;
    expect(recoveryCodeHash(code.toUpperCase().replaceAll('-', ' '))).toBe(recoveryCodeHash(code));
    expect(recoveryCodeHash(codes[1]!)).not.toBe(recoveryCodeHash(code));
  });
});
