/**
 * Adds a staff account so a real deployment never relies on demo users:
 *   npm run user:add -- --email maija@hyvaep.fi --role coordinator --name "Maija Meikäläinen"
 * The password is generated and printed once (or taken from --password).
 */
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/config';
import { openDatabase } from '../src/db';
import { newUserInput } from '../src/features/users/new-user';
import { createUser } from '../src/features/users/queries';
import { translate } from '../src/i18n';
import { fieldErrorsFrom } from '../src/http/form';
import { generatePassword } from '../src/lib/password';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values: args } = parseArgs({
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
  },
});

const parsedConfig = parseConfig(process.env);
if (!parsedConfig.ok) fail(`Bad configuration:\n  ${parsedConfig.problems.join('\n  ')}`);

const password = args.password ?? generatePassword();
const input = newUserInput.safeParse({
  email: args.email ?? '',
  role: args.role ?? '',
  name: args.name ?? args.email?.split('@')[0] ?? '',
  password,
});
if (!input.success) {
  const errors = fieldErrorsFrom(input.error, (key, params) => translate('en', key, params));
  fail(
    `Usage: npm run user:add -- --email ADDRESS --role admin|coordinator|instructor [--name NAME]\n` +
      Object.entries(errors)
        .map(([field, message]) => `  --${field}: ${message}`)
        .join('\n'),
  );
}

const db = openDatabase(parsedConfig.config.databasePath);
const created = await createUser(db, input.data, new Date());
db.$client.close();
if (!created.ok) fail(`A user with the e-mail ${input.data.email} already exists.`);

console.log(`Added ${input.data.role} ${input.data.email} (id ${created.id}).`);
if (!args.password) console.log(`Password (shown only now): ${password}`);
