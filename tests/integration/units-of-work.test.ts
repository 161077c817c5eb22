import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { courses, localities, outbox, programs, terms, users } from '../../db/schema';
import { demoSignIns, isDatabaseEmpty, loadDemoData } from '../../src/features/demo/demo-data';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import { freshDatabase } from '../support/test-app';

const mail = mailSettingsFrom({
  mailFrom: 'Kurssipolku <no-reply@kurssipolku.example>',
  publicUrl: new URL('http://localhost'),
});
const now = new Date('2026-09-01T09:00:00Z');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });
}

describe('units of work', () => {
  it('opens every transaction through immediateTransaction, never a deferred one', () => {
    const offenders = sourceFiles('src')
      .filter((path) => path !== join('src', 'db.ts'))
      .filter((path) => /\.transaction\(/.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('loads the demo in one transaction: a load that fails half-way leaves nothing behind', async () => {
    const db = freshDatabase();
    // The demo's term name is taken, so creating its courses fails after staff and places were saved.
    db.insert(terms)
      .values({ name: 'Syksy 2026', startsOn: '2026-08-01', endsOn: '2026-12-31', createdAt: now })
      .run();
    expect(isDatabaseEmpty(db)).toBe(true);

    await expect(loadDemoData(db, now, mail)).rejects.toThrow();

    const rows = (table: typeof users | typeof localities | typeof programs | typeof outbox) =>
      db.select({ rows: count() }).from(table).get()!.rows;
    expect([rows(users), rows(localities), rows(programs), rows(outbox)]).toEqual([0, 0, 0, 0]);
    expect(isDatabaseEmpty(db)).toBe(true);
  });

  it('counts a database with anything in it as seeded, not only one with staff', async () => {
    const db = freshDatabase();
    db.insert(localities)
      .values({ name: 'Lapua', region: 'Etelä-Pohjanmaa', createdAt: now })
      .run();
    expect(isDatabaseEmpty(db)).toBe(false);
  });

  it('loads the whole demo when nothing is in the way', async () => {
    const db = freshDatabase();
    await loadDemoData(db, now, mail);
    expect(db.select({ rows: count() }).from(users).get()!.rows).toBe(demoSignIns.length);
    expect(db.select({ rows: count() }).from(courses).get()!.rows).toBe(5);
  });
});
