/**
 * An online backup of the database at DATABASE_PATH while the server runs:
 *   npm run db:backup -- /var/backups/kurssipolku-2026-12-03.sqlite
 * Refuses to overwrite a file or to write into a folder that does not exist.
 */
import { parseConfig } from '../src/config';
import { backupDatabase, backupRefusal } from '../src/operations/backup';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const target = process.argv[2];
if (!target || process.argv.length > 3) {
  fail('Usage: npm run db:backup -- FILE   (FILE must not exist yet)');
}
const parsed = parseConfig(process.env);
if (!parsed.ok) fail(`Bad configuration:\n  ${parsed.problems.join('\n  ')}`);
const source = parsed.config.databasePath;
const messages = {
  'source-missing': `There is no database at ${source} (DATABASE_PATH).`,
  'target-exists': `${target} exists already; a backup never overwrites a file. Choose a new name.`,
  'folder-missing': `The folder of ${target} does not exist. Create it first.`,
};
const refusal = backupRefusal(source, target);
if (refusal) fail(messages[refusal]);
const started = Date.now();
const pages = await backupDatabase(source, target);
console.log(
  `Backup of ${source} written to ${target}: ${pages} pages in ${Date.now() - started} ms.`,
);
