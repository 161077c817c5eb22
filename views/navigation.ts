import type { StaffRole } from '../db/schema';
import type { MessageKey } from '../src/i18n';

export type NavigationItem = { href: string; label: MessageKey };

/** The planning registers coordinators keep, and admins too. */
const planningItems: NavigationItem[] = [
  { href: '/decisions', label: 'nav.decisions' },
  { href: '/terms', label: 'nav.termPlan' },
  { href: '/programs', label: 'nav.programs' },
  { href: '/localities', label: 'nav.localities' },
  { href: '/instructors', label: 'nav.instructors' },
  { href: '/trainings', label: 'nav.trainings' },
  { href: '/meetings', label: 'nav.meetings' },
  { href: '/candidates', label: 'nav.candidates' },
  { href: '/outbox', label: 'nav.outbox' },
  { href: '/texts', label: 'nav.texts' },
  { href: '/applications/new', label: 'nav.newApplication' },
  { href: '/calls', label: 'nav.callQueue' },
  { href: '/people', label: 'nav.people' },
];

const reports: NavigationItem = { href: '/reports', label: 'nav.reports' };

const calendarFeed: NavigationItem = { href: '/calendar-feed', label: 'nav.calendarFeed' };

/** What each role finds in the main navigation; a feature adds its entry here. */
const itemsByRole: Record<StaffRole, NavigationItem[]> = {
  admin: [
    { href: '/', label: 'nav.home' },
    ...planningItems,
    { href: '/admin/users', label: 'nav.users' },
    { href: '/admin/audit', label: 'nav.audit' },
    { href: '/admin/organisation', label: 'nav.organisation' },
    { href: '/admin/retention', label: 'nav.retention' },
    reports,
    calendarFeed,
  ],
  coordinator: [{ href: '/', label: 'nav.home' }, ...planningItems, reports, calendarFeed],
  reporting: [{ href: '/', label: 'nav.home' }, reports],
  instructor: [
    { href: '/', label: 'nav.home' },
    { href: '/calls', label: 'nav.callQueue' },
    { href: '/people', label: 'nav.people' },
    calendarFeed,
  ],
};

export function navigationFor(role: StaffRole | undefined): NavigationItem[] {
  return role ? itemsByRole[role] : [];
}

export function isCurrentSection(item: NavigationItem, path: string): boolean {
  return item.href === '/' ? path === '/' : path === item.href || path.startsWith(`${item.href}/`);
}
