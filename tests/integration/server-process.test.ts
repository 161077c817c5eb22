import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db';
import { findUserByEmail } from '../../src/features/auth/queries';
import { verifyPassword } from '../../src/lib/password';
import { startServer } from '../support/browser';
import { temporaryDirectory } from '../support/test-app';

function runNode(script: string, args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('the server process', () => {
  it('refuses PORT=abc npm start with exit code 1 and a message naming PORT', () => {
    const result = spawnSync('npm', ['start'], {
      env: { ...process.env, PORT: 'abc' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT="abc": must be a whole number/);
  });

  it('creates its database with demo data, serves, and stops cleanly on SIGTERM', async () => {
    const directory = temporaryDirectory('server');
    const server = await startServer(directory);
    expect(server.output()).toContain('koordinaattori@kurssipolku.example');
    const page = await fetch(`${server.baseUrl}/sign-in`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Kirjaudu sisään');
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('closing the server, then the database');

    const db = openDatabase(join(directory, 'e2e.sqlite'));
    expect(findUserByEmail(db, 'admin@kurssipolku.example')?.role).toBe('admin');
    db.$client.close();
  });
});

describe('npm run user:add', () => {
  const databasePath = join(temporaryDirectory('user-add'), 'users.sqlite');

  it('adds a staff account and prints its password once', async () => {
    const result = runNode(
      'scripts/user-add.ts',
      ['--email', 'Uusi.Koordinaattori@Test.Example', '--role', 'coordinator', '--name', 'Uusi K'],
      { DATABASE_PATH: databasePath },
    );
    expect(result.status, result.stderr).toBe(0);
    const password = /Password \(shown only now\): (\S+)/.exec(result.stdout)?.[1];
    expect(password).toBeDefined();

    const db = openDatabase(databasePath);
    const user = findUserByEmail(db, 'uusi.koordinaattori@test.example');
    db.$client.close();
    expect(user?.role).toBe('coordinator');
    expect(await verifyPassword(password!, user!.passwordHash)).toBe(true);
  });

  it('explains what is wrong with an unknown role and adds nothing', () => {
    const result = runNode('scripts/user-add.ts', ['--email', 'x@test.example', '--role', 'boss'], {
      DATABASE_PATH: databasePath,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--role: Choose a role from the list.');
  });

  it('refuses an e-mail that already has an account', () => {
    const args = ['--email', 'uusi.koordinaattori@test.example', '--role', 'instructor'];
    const result = runNode('scripts/user-add.ts', args, { DATABASE_PATH: databasePath });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already exists');
  });
});
