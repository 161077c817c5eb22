import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { openDatabase, type AppDatabase } from '../../src/db';
import { loadDemoData } from '../../src/features/demo/demo-data';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import { temporaryDirectory } from '../support/test-app';

const mail = mailSettingsFrom({
  mailFrom: 'Kurssipolku <no-reply@kurssipolku.example>',
  publicUrl: new URL('http://localhost'),
});
const now = new Date('2026-09-01T09:00:00Z');
const journal = JSON.parse(readFileSync('db/migrations/meta/_journal.json', 'utf8')) as {
  entries: { tag: string }[];
};

/** A database as a release that ended with migration `lastTag` left it (foreign keys on). */
function databaseMigratedTo(lastTag: string): { db: AppDatabase; path: string } {
  const directory = temporaryDirectory('migrations');
  const folder = join(directory, 'migrations');
  cpSync('db/migrations', folder, { recursive: true });
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  expect(last).toBeGreaterThanOrEqual(0);
  writeFileSync(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }),
  );
  const path = join(directory, 'previous.sqlite');
  const sqlite = new Database(path);
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle({ client: sqlite, schema });
  migrate(db, { migrationsFolder: folder });
  return { db, path };
}

/**
 * Fills an older database with the demo as today's code makes it, column by column where the
 * older schema has the column, so the test keeps working as later migrations add columns.
 */
async function copyDemoInto(old: Database.Database) {
  const fullPath = join(temporaryDirectory('full'), 'full.sqlite');
  const full = openDatabase(fullPath);
  await loadDemoData(full, now, mail);
  full.$client.close();
  const columnsOf = (schemaName: string, table: string) =>
    old
      .prepare(`SELECT name FROM pragma_table_info(?, ?)`)
      .pluck()
      .all(table, schemaName) as string[];
  old.exec(`ATTACH DATABASE '${fullPath}' AS full`);
  old.pragma('foreign_keys = OFF');
  for (const table of Object.keys(rowsOf(old))) {
    const fullColumns = new Set(columnsOf('full', table));
    const shared = columnsOf('main', table).filter((column) => fullColumns.has(column));
    const list = shared.map((column) => `"${column}"`).join(', ');
    old.exec(`INSERT INTO main."${table}" (${list}) SELECT ${list} FROM full."${table}"`);
  }
  old.pragma('foreign_keys = ON');
  old.exec('DETACH DATABASE full');
}

/** The rows as they were, seen through only the tables and columns they had. */
function projectedOnto(
  before: Record<string, unknown[]>,
  after: Record<string, unknown[]>,
): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(after)
      .filter(([table]) => table in before)
      .map(([table, rows]) => {
        const columns = Object.keys((before[table]?.[0] as object | undefined) ?? {});
        return [
          table,
          (rows as Record<string, unknown>[]).map((row) =>
            columns.length
              ? Object.fromEntries(columns.map((column) => [column, row[column]]))
              : row,
          ),
        ];
      }),
  );
}

function rowsOf(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table'
       AND name NOT LIKE 'sqlite_%' AND name != '__drizzle_migrations' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [table, sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]),
  );
}

describe('migration 0007_tightened', () => {
  it('keeps every row of a database filled under the previous schema', async () => {
    const { db, path } = databaseMigratedTo('0006_feed_token_hash');
    const sqlite = db.$client;
    await copyDemoInto(sqlite);
    // Rows in tables that refer to rebuilt ones: a rebuild with foreign keys on would delete them.
    sqlite
      .prepare(
        `INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, 1, ?, ?)`,
      )
      .run('session-hash', now.getTime(), now.getTime() + 3_600_000);
    sqlite.prepare(`INSERT INTO totp_recovery_codes (user_id, code_hash) VALUES (1, 'c')`).run();
    sqlite
      .prepare(`INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (2, 'f', ?)`)
      .run(now.getTime());
    sqlite
      .prepare(
        `INSERT INTO enrollments (course_id, application_id, state, queued_at, withdrawn_by,
         created_at, updated_at) VALUES (5, 3, 'withdrawn', ?, 'staff', ?, ?)`,
      )
      .run(now.getTime(), now.getTime(), now.getTime());
    const before = rowsOf(sqlite);
    sqlite.close();

    const migrated = openDatabase(path);
    const after = rowsOf(migrated.$client);
    migrated.$client.close();

    expect(projectedOnto(before, after)).toEqual(before);
    expect(after.sessions).toHaveLength(1);
    expect(after.enrollments!.length).toBeGreaterThan(1);
    expect(after.course_sessions!.length).toBeGreaterThan(0);
  });

  it('keeps one invitation per person and course, drops dangling references, fixes stray enums', () => {
    const { db, path } = databaseMigratedTo('0006_feed_token_hash');
    const sqlite = db.$client;
    sqlite.exec(`
      INSERT INTO users (email, name, role, password_hash) VALUES ('a@x.example', 'A', 'admin', 'h');
      INSERT INTO localities (name, region) VALUES ('Lapua', 'Etelä-Pohjanmaa');
      INSERT INTO programs (name_fi, name_en) VALUES ('Arkeen Voimaa', 'Arkeen Voimaa');
      INSERT INTO terms (name, starts_on, ends_on) VALUES ('Syksy 2026', '2026-08-01', '2026-12-31');
      INSERT INTO instructors (name, kind) VALUES ('Olli', 'professional');
      INSERT INTO courses (program_id, term_id, locality_id, go_no_go_date, weekly_start_time,
        updated_at) VALUES (1, 1, 1, '2026-09-15', '17:00', 0);
      INSERT INTO applications (source, name, phone, call_due_at, language, created_at, updated_at)
        VALUES ('phone', 'Aino', '+358401234567', 0, 'sv', 0, 0);
      INSERT INTO enrollments (course_id, application_id, state, queued_at, withdrawn_by,
        created_at, updated_at) VALUES (1, 1, 'withdrawn', 0, 'someone', 0, 0);
      INSERT INTO invitations (id, course_id, instructor_id, application_id, name, state,
        sent_sequence, language, created_at) VALUES
        (1, 1, 1, NULL, 'Olli', 'active', 2, 'fi', 0),
        (2, 1, 1, NULL, 'Olli', 'cancelled', 3, 'fi', 0),
        (3, 1, NULL, 1, 'Aino', 'cancelled', 1, 'sv', 0),
        (4, 1, NULL, 1, 'Aino', 'active', 0, 'fi', 0),
        (5, 1, NULL, 1, 'Aino', 'cancelled', 2, 'fi', 0),
        (6, 1, NULL, 99, 'Gone', 'cancelled', 0, 'fi', 0);
    `);
    sqlite.close();

    const migrated = openDatabase(path).$client;
    const invitations = migrated
      .prepare('SELECT id, instructor_id, application_id FROM invitations ORDER BY id')
      .all();
    expect(invitations).toEqual([
      { id: 1, instructor_id: 1, application_id: null },
      { id: 4, instructor_id: null, application_id: 1 },
      { id: 6, instructor_id: null, application_id: null },
    ]);
    expect(migrated.prepare('SELECT language FROM applications').pluck().get()).toBe('fi');
    expect(migrated.prepare('SELECT withdrawn_by FROM enrollments').pluck().get()).toBe('');
    expect(() =>
      migrated
        .prepare(
          `INSERT INTO invitations (course_id, instructor_id, name, created_at) VALUES (1, 1, 'Olli', 0)`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(migrated.pragma('foreign_keys', { simple: true })).toBe(1);
    migrated.close();
  });

  it('rolls the whole migration back when a reference would be left broken', () => {
    const { db, path } = databaseMigratedTo('0006_feed_token_hash');
    const sqlite = db.$client;
    sqlite.pragma('foreign_keys = OFF');
    sqlite
      .prepare(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ('orphan', 42, 0)`)
      .run();
    sqlite.close();

    expect(() => openDatabase(path)).toThrow();

    const untouched = new Database(path);
    expect(untouched.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(7);
    const usersTable = untouched
      .prepare(`SELECT sql FROM sqlite_master WHERE name = 'users'`)
      .pluck()
      .get();
    expect(usersTable).toContain('unixepoch');
    untouched.close();
  });
});
