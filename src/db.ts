import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../db/schema';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../db/migrations');

/** Opens (and creates) the SQLite file with the pragmas every connection needs, then migrates it. */
export function openDatabase(path: string): AppDatabase {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Erased personal data is overwritten on disk, not left readable in free pages of the file.
  sqlite.pragma('secure_delete = ON');
  registerFunctions(sqlite);
  const db = drizzle({ client: sqlite, schema });
  try {
    migrateWithForeignKeysOff(db);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  sqlite.pragma('foreign_keys = ON');
  // Fresh planner statistics where they are missing or stale (bounded work per table): without
  // them SQLite picked a plan for the home page that took a minute on a national-size file.
  keepPlannerStatisticsFresh(sqlite, 'on-open');
  return db;
}

/**
 * SQLite's own upkeep of the statistics the query planner uses (`PRAGMA optimize`, as its docs
 * advise: with the 0x10000 flag when a connection opens, plain later on, e.g. every few hours).
 */
export function keepPlannerStatisticsFresh(sqlite: Database.Database, when: 'on-open' | 'later') {
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma(when === 'on-open' ? 'optimize = 0x10002' : 'optimize');
}

/** Lower case without diacritics, so a search for "maki" finds "Mäki" (and "Mäki" finds "maki"). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** SQL functions every connection has: `fold(text)` is `foldText` for WHERE and ORDER BY. */
function registerFunctions(sqlite: Database.Database) {
  sqlite.function('fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldText(text) : text,
  );
}

/**
 * drizzle-kit changes a SQLite table by rebuilding it (create, copy, DROP, rename). With foreign
 * keys on, that DROP deletes in cascade from every table that refers to it, and the migration's
 * own `PRAGMA foreign_keys=OFF` does nothing because all migrations run in one transaction. So the
 * pragma is set here, outside it; a migration that left a reference broken is not started on.
 */
function migrateWithForeignKeysOff(db: AppDatabase) {
  db.$client.pragma('foreign_keys = OFF');
  const before = appliedMigrationCount(db.$client);
  migrate(db, { migrationsFolder });
  // The check reads every reference in the file: on a county's years of data it takes seconds,
  // so it runs only when a migration was applied now, not on every start.
  if (appliedMigrationCount(db.$client) === before) return;
  const broken = db.$client.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (broken.length > 0) {
    const where = broken.map(({ table, parent }) => `${table} → ${parent}`).join(', ');
    throw new Error(`The database has references to missing rows after migrating: ${where}`);
  }
}

function appliedMigrationCount(sqlite: Database.Database): number {
  const table = sqlite
    .prepare(`select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'`)
    .get();
  if (!table) return 0;
  return (
    sqlite.prepare('select count(*) as count from __drizzle_migrations').get() as {
      count: number;
    }
  ).count;
}

/**
 * Caches one prepared statement per database: hot read paths skip rebuilding the query on every
 * request, and each test's own database still gets its own statement.
 */
export function preparedFor<Statement>(build: (db: AppDatabase) => Statement) {
  const statements = new WeakMap<AppDatabase, Statement>();
  return (db: AppDatabase): Statement => {
    let statement = statements.get(db);
    if (!statement) {
      statement = build(db);
      statements.set(db, statement);
    }
    return statement;
  };
}

/** A transaction handle: writes that must share one transaction take this (or the database). */
export type Transaction = Parameters<Parameters<AppDatabase['transaction']>[0]>[0];
export type DatabaseOrTransaction = AppDatabase | Transaction;

/**
 * The one way to open a transaction: IMMEDIATE, so a unit of work that reads and then writes takes
 * the write lock first and waits (busy_timeout) for another process, instead of failing with
 * SQLITE_BUSY_SNAPSHOT when its read snapshot is outdated. Only commands call this; building
 * blocks take the `Transaction` they are given and never open their own.
 */
export function immediateTransaction<Result>(
  db: AppDatabase,
  work: (tx: Transaction) => Result,
): Result {
  return db.transaction(work, { behavior: 'immediate' });
}
