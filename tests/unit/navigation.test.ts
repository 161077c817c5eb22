import { describe, expect, it } from 'vitest';
import { isCurrentSection, navigationFor } from '../../views/navigation';

describe('navigation by role', () => {
  it('gives the admin the users page and the others not', () => {
    expect(navigationFor('admin').map((item) => item.href)).toContain('/admin/users');
    expect(navigationFor('coordinator').map((item) => item.href)).not.toContain('/admin/users');
    expect(navigationFor('instructor').map((item) => item.href)).not.toContain('/admin/users');
  });

  it('gives coordinators and admins the planning registers after home, and instructors not', () => {
    const registers = ['/programs', '/localities', '/instructors'];
    for (const role of ['coordinator', 'admin'] as const) {
      const links = navigationFor(role).map((item) => item.href);
      expect(links[0]).toBe('/');
      expect(links.filter((href) => registers.includes(href))).toEqual(registers);
    }
    const instructorLinks = navigationFor('instructor').map((item) => item.href);
    for (const href of registers) expect(instructorLinks).not.toContain(href);
  });

  it('gives coordinators and admins the instructor trainings, and instructors not', () => {
    expect(navigationFor('coordinator').map((item) => item.href)).toContain('/trainings');
    expect(navigationFor('admin').map((item) => item.href)).toContain('/trainings');
    expect(navigationFor('instructor').map((item) => item.href)).not.toContain('/trainings');
  });

  it('gives coordinators and admins the go/no-go decisions right after home, and instructors not', () => {
    for (const role of ['coordinator', 'admin'] as const) {
      expect(
        navigationFor(role)
          .map((item) => item.href)
          .slice(0, 2),
      ).toEqual(['/', '/decisions']);
    }
    expect(navigationFor('instructor').map((item) => item.href)).not.toContain('/decisions');
  });

  it('gives every staff role the people search', () => {
    for (const role of ['coordinator', 'admin', 'instructor'] as const) {
      expect(navigationFor(role).map((item) => item.href)).toContain('/people');
    }
  });

  it('shows no navigation to someone not signed in', () => {
    expect(navigationFor(undefined)).toEqual([]);
  });

  it('marks the section of the current page, and home only on the home page', () => {
    const users = { href: '/admin/users', label: 'nav.users' } as const;
    const home = { href: '/', label: 'nav.home' } as const;
    expect(isCurrentSection(users, '/admin/users/5')).toBe(true);
    expect(isCurrentSection(home, '/admin/users')).toBe(false);
    expect(isCurrentSection(home, '/')).toBe(true);
  });
});
