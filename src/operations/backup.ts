import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

export type BackupRefusal = 'target-exists' | 'folder-missing' | 'source-missing';

/** Why a backup cannot be taken to this file, or null when it can. Never overwrites anything. */
export function backupRefusal(sourcePath: string, targetPath: string): BackupRefusal | null {
  if (!existsSync(sourcePath)) return 'source-missing';
  if (existsSync(targetPath)) return 'target-exists';
  const folder = dirname(resolve(targetPath));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return 'folder-missing';
  return null;
}

/**
 * An online copy of the database through SQLite's backup API while the server goes on writing.
 * All pages are copied in one step, inside one read transaction: with WAL the server's writers
 * are not blocked, and the copy is the database as it was when the step began — a backup done in
 * small steps would restart each time the server commits and might never finish under load.
 */
export async function backupDatabase(sourcePath: string, targetPath: string): Promise<number> {
  const source = new Database(sourcePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    const { totalPages } = await source.backup(targetPath, {
      progress: () => Number.MAX_SAFE_INTEGER,
    });
    return totalPages;
  } finally {
    source.close();
  }
}
