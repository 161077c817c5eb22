import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from '../../src/lib/password';

describe('password hashing', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('oikea salasana 123');
    expect(await verifyPassword('oikea salasana 123', hash)).toBe(true);
    expect(await verifyPassword('väärä salasana 123', hash)).toBe(false);
  });

  it('never stores the password itself and salts every hash', async () => {
    const first = await hashPassword('sama salasana');
    const second = await hashPassword('sama salasana');
    expect(first).not.toContain('sama salasana');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(first).not.toBe(second);
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
  });

  it('generates long, different passwords', () => {
    const password = generatePassword();
    expect(password).toMatch(/^[\w]{5}-[\w]{5}-[\w]{5}-[\w]{5}$/);
    expect(generatePassword()).not.toBe(password);
  });
});
