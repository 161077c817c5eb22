import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../src/http/safe-redirect';

describe('return paths after sign-in and language change', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeReturnPath('/admin/users?page=2')).toBe('/admin/users?page=2');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    '/calls\nSet-Cookie: x=1',
    '/calls\u202e',
    '',
    undefined,
  ])('replaces %s with the home page', (candidate) => {
    expect(safeReturnPath(candidate)).toBe('/');
  });
});
