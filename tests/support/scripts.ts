import { spawn } from 'node:child_process';

/** Runs `scripts/<name>` as `npm run` does, on the database at `databasePath`; collects its output. */
export function runScript(name: string, args: string[], databasePath: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${name}`, ...args], {
    env: { ...process.env, DATABASE_PATH: databasePath },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const done = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, output })),
  );
  return { child, done };
}
