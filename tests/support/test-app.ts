import type { Logger } from 'pino';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createApp } from '../../src/app';
import { parseConfig, type Config } from '../../src/config';
import { openDatabase, type AppDatabase } from '../../src/db';
import { createUser } from '../../src/features/users/queries';
import type { StaffRole } from '../../db/schema';

export const testOrigin = 'http://localhost';

/** A clock the test moves by hand. */
export function manualClock(start = new Date('2026-09-01T09:00:00Z')) {
  let now = start;
  const clock = () => now;
  clock.advanceMinutes = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  clock.setTo = (instant: Date) => {
    now = instant;
  };
  return clock;
}

export function temporaryDirectory(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), `kurssipolku-${prefix}-`));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}

/** A fresh SQLite file with the committed migrations applied, removed after the test file. */
export function freshDatabase(): AppDatabase {
  const db = openDatabase(join(temporaryDirectory('db'), 'test.sqlite'));
  afterAll(() => db.$client.close());
  return db;
}

export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  const parsed = parseConfig({ PUBLIC_URL: testOrigin, SEED_DEMO_DATA: 'false', ...overrides });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
}

export function buildTestApp(options: { config?: Config; logger?: Logger } = {}) {
  const db = freshDatabase();
  const clock = manualClock();
  const config = options.config ?? testConfig();
  const app = createApp({ db, config, clock, logger: options.logger });
  return { app, db, clock, config };
}

export type TestApp = ReturnType<typeof buildTestApp>['app'];

let userCounter = 0;
export async function aStaffUser(
  db: AppDatabase,
  role: StaffRole,
  overrides: { email?: string; name?: string; password?: string; homeRegion?: string } = {},
) {
  userCounter += 1;
  const person = {
    role,
    name: overrides.name ?? `Testi ${role} ${userCounter}`,
    email: overrides.email ?? `${role}${userCounter}@test.example`,
    password: overrides.password ?? 'correct horse battery',
    homeRegion: overrides.homeRegion ?? '',
  };
  const created = await createUser(db, person, new Date());
  if (!created.ok) throw new Error(`Could not create ${person.email}`);
  return { ...person, id: created.id };
}

/** A same-origin form post, as a browser sends it. */
export function postForm(
  app: TestApp,
  path: string,
  fields: Record<string, string | number>,
  options: {
    cookie?: string;
    origin?: string | null;
    headers?: Record<string, string>;
    /** The client address, as @hono/node-server would bind it. */
    address?: string;
  } = {},
) {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    ...options.headers,
  };
  if (options.origin !== null) headers.Origin = options.origin ?? testOrigin;
  if (options.cookie) headers.Cookie = options.cookie;
  const env = options.address
    ? { incoming: { socket: { remoteAddress: options.address } } }
    : undefined;
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) body.set(name, String(value));
  return app.request(path, { method: 'POST', headers, body }, env as never);
}

/** Cookies a response sets, as one Cookie header for the next request. */
export function cookiesFrom(response: Response, previous = ''): string {
  const jar = new Map(
    previous
      .split('; ')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, string]),
  );
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const [name, value] = pair!.split('=') as [string, string];
    if (value === '' || /max-age=0/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

export async function signIn(app: TestApp, user: { email: string; password: string }) {
  const response = await postForm(app, '/sign-in', { email: user.email, password: user.password });
  if (response.status !== 303) throw new Error(`Sign-in failed with ${response.status}`);
  return cookiesFrom(response);
}

export function getPage(
  app: TestApp,
  path: string,
  cookie = '',
  headers: Record<string, string> = {},
) {
  return app.request(path, { headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) } });
}

/** One signed-in staff member of each role, as their session cookies. */
export async function signInEveryRole({
  app,
  db,
}: {
  app: TestApp;
  db: AppDatabase;
}): Promise<Record<StaffRole, string>> {
  return {
    coordinator: await signIn(app, await aStaffUser(db, 'coordinator')),
    admin: await signIn(app, await aStaffUser(db, 'admin')),
    instructor: await signIn(app, await aStaffUser(db, 'instructor')),
    reporting: await signIn(app, await aStaffUser(db, 'reporting')),
  };
}
