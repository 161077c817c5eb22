import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { localities } from '../../db/schema';
import { openDatabase } from '../../src/db';
import { runScript } from '../support/scripts';
import { temporaryDirectory } from '../support/test-app';

/** Runs `npm run db:backup -- target` as the README says, on the database at `source`. */
const runBackup = (source: string, target: string) => runScript('db-backup.ts', [target], source);

function countIn(path: string) {
  const copy = new Database(path, { readonly: true });
  try {
    return {
      integrity: copy.pragma('integrity_check', { simple: true }),
      localities: (copy.prepare('select count(*) as n from localities').get() as { n: number }).n,
    };
  } finally {
    copy.close();
  }
}

describe('npm run db:backup', () => {
  it('copies the database while another process keeps writing, with every earlier row', async () => {
    const directory = temporaryDirectory('backup');
    const source = join(directory, 'live.sqlite');
    const target = join(directory, 'copy.sqlite');
    const db = openDatabase(source);
    const insert = (index: number) =>
      db
        .insert(localities)
        .values({ name: `Paikka ${index}`, region: 'Testi', createdAt: new Date() })
        .run();
    let written = 0;
    for (; written < 2000; written++) insert(written);
    const backup = runBackup(source, target);
    // Everything committed by now was committed before the backup process began copying.
    const committedBeforeBackup = written;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        insert(written++);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const { code, output } = await backup.done;
    writing = false;
    await writer;
    db.$client.close();
    expect(output).toContain('Backup of');
    expect(code).toBe(0);
    expect(written).toBeGreaterThan(committedBeforeBackup);
    const copy = countIn(target);
    expect(copy.integrity).toBe('ok');
    expect(copy.localities).toBeGreaterThanOrEqual(committedBeforeBackup);
    expect(copy.localities).toBeLessThanOrEqual(written);
  });

  it('refuses to overwrite a file or to write into a missing folder', async () => {
    const directory = temporaryDirectory('backup-refusals');
    const source = join(directory, 'live.sqlite');
    openDatabase(source).$client.close();
    const existing = join(directory, 'old.sqlite');
    writeFileSync(existing, 'yesterday');
    const overwrite = await runBackup(source, existing).done;
    expect(overwrite.code).toBe(1);
    expect(overwrite.output).toContain('exists already');
    const missing = await runBackup(source, join(directory, 'no-such-folder', 'x.sqlite')).done;
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('does not exist');
    mkdirSync(join(directory, 'empty'));
    const noSource = await runBackup(
      join(directory, 'empty', 'none.sqlite'),
      join(directory, 'y.sqlite'),
    ).done;
    expect(noSource.code).toBe(1);
    expect(noSource.output).toContain('There is no database');
  });
});
