/**
 * npm run bench:http — HTTP load against the real server (started as `npm start` starts it) and,
 * in the same run, against bare Hono answering plain text, with autocannon at 20 connections.
 * Prints req/s, p50 and p99 and the ratio to bare Hono per page, the server's peak RSS under load
 * and its cold start. Data sets: the demo (always) and a national one when NATIONAL_DATABASE names
 * a file made by `npm run demo:national` (it is copied, so the bench's writes never touch it).
 *   BENCH_SECONDS=10 NATIONAL_DATABASE=/tmp/national.sqlite npm run bench:http
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { demoSignIns } from '../src/features/demo/demo-data';
import { freePort } from './free-port';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = 20;
const directory = mkdtempSync(join(tmpdir(), 'kurssipolku-bench-http-'));

type Server = { url: string; child: ChildProcess; startedInMs: number };

async function start(script: string, env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      // After start-up the request log goes on being read (and dropped), as a log shipper would.
      if (String(chunk).includes('is running at')) resolve();
      else if (output.length < 100_000) output += chunk;
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}):\n${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, startedInMs: performance.now() - started };
}

function stop(server: Server) {
  return new Promise((resolve) => {
    server.child.once('exit', resolve);
    server.child.kill('SIGTERM');
  });
}

/** Peak resident memory of the process while `work` runs, from /proc (Linux). */
async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<[T, number]> {
  let peak = 0;
  const sample = () => {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    peak = Math.max(peak, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
  };
  const timer = setInterval(sample, 100);
  try {
    const result = await work();
    sample();
    return [result, peak];
  } finally {
    clearInterval(timer);
  }
}

type Target = {
  label: string;
  path: string;
  cookie?: string;
  method?: 'GET' | 'POST';
  body?: string;
};
type Figures = { rps: number; p50: number; p99: number; errors: number };

async function load(server: Server, target: Target): Promise<Figures> {
  const headers: Record<string, string> = {};
  if (target.cookie) headers.cookie = target.cookie;
  if (target.body) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    headers.origin = server.url;
  }
  const result = await autocannon({
    url: `${server.url}${target.path}`,
    connections,
    duration: seconds,
    method: target.method ?? 'GET',
    headers,
    body: target.body,
  });
  const expected = target.method === 'POST' ? 3 : 2;
  const unexpected = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => Math.floor(Number(code) / 100) !== expected)
    .reduce((sum, [, stats]) => sum + (stats.count ?? 0), 0);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + unexpected,
  };
}

async function signIn(server: Server, role: string): Promise<string> {
  const person = demoSignIns.find((candidate) => candidate.role === role)!;
  const response = await fetch(`${server.url}/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
    body: new URLSearchParams({ email: person.email, password: person.password }),
    redirect: 'manual',
  });
  if (response.status !== 303) throw new Error(`sign-in as ${role}: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** Ids the pages need, read from the file: the busiest term, one of its courses, a call to make. */
function idsIn(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const one = <Row>(query: string) => db.prepare(query).get() as Row;
    const term = one<{ id: number }>(
      `select term_id as id from courses group by term_id order by count(*) desc, term_id desc limit 1`,
    );
    const course = one<{ id: number }>(
      `select c.id from courses c join enrollments e on e.course_id = c.id
       where c.term_id = ${term.id} and c.status != 'cancelled'
       group by c.id order by count(*) desc limit 1`,
    );
    const session = one<{ id: number }>(
      `select id from course_sessions where course_id = ${course.id} order by ordinal limit 1`,
    );
    const application = one<{ id: number }>(
      `select id from applications where state = 'to-call' order by id desc limit 1`,
    );
    return { term: term.id, course: course.id, session: session.id, application: application.id };
  } finally {
    db.close();
  }
}

/**
 * A national instance serves each county's coordinator their own region: the demo coordinator gets
 * the county with the most courses as their home region (in the bench's copy only).
 */
function makeCountyCoordinator(path: string): string {
  const db = new Database(path);
  try {
    const { region } = db
      .prepare(
        `select l.region as region from courses c join localities l on l.id = c.locality_id
         group by l.region order by count(*) desc limit 1`,
      )
      .get() as { region: string };
    const coordinator = demoSignIns.find((person) => person.role === 'coordinator')!;
    db.prepare('update users set home_region = ? where email = ?').run(region, coordinator.email);
    return region;
  } finally {
    db.close();
  }
}

type Row = { label: string; figures: Figures };

async function benchDataSet(name: string, databasePath: string, env: NodeJS.ProcessEnv) {
  const server = await start('src/server.ts', {
    DATABASE_PATH: databasePath,
    PUBLIC_URL: 'http://127.0.0.1',
    ...env,
  });
  try {
    const ids = idsIn(databasePath);
    const coordinator = await signIn(server, 'coordinator');
    const targets: Target[] = [
      { label: 'sign-in page', path: '/sign-in' },
      { label: 'signed-in home', path: '/', cookie: coordinator },
      { label: 'term plan', path: `/terms/${ids.term}`, cookie: coordinator },
      { label: 'course page', path: `/courses/${ids.course}`, cookie: coordinator },
      { label: 'roster', path: `/courses/${ids.course}/roster`, cookie: coordinator },
      { label: 'call queue', path: '/calls', cookie: coordinator },
      {
        label: 'attendance page',
        path: `/sessions/${ids.session}/attendance`,
        cookie: coordinator,
      },
      { label: 'public application page', path: '/apply' },
      {
        label: 'write: a call outcome',
        path: `/applications/${ids.application}/call-attempts`,
        cookie: coordinator,
        method: 'POST',
        body: new URLSearchParams({
          outcome: 'call-back',
          callBackAt: '2030-01-02T10:00',
        }).toString(),
      },
    ];
    const rows: Row[] = [];
    const [, rss] = await peakRss(server.child.pid!, async () => {
      for (const target of targets)
        rows.push({ label: target.label, figures: await load(server, target) });
    });
    return { name, rows, rss, coldStartMs: server.startedInMs };
  } finally {
    await stop(server);
  }
}

function printTable(bare: Figures, sets: Awaited<ReturnType<typeof benchDataSet>>[]) {
  const fixed = (value: number, digits = 0) => value.toFixed(digits);
  console.log(
    `\n${'page'.padEnd(26)} ${'data'.padEnd(9)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'× bare'.padStart(7)} errors`,
  );
  console.log(
    `${'bare Hono, plain text'.padEnd(26)} ${'-'.padEnd(9)} ${fixed(bare.rps).padStart(7)} ${fixed(bare.p50).padStart(7)} ${fixed(bare.p99).padStart(7)} ${'1.000'.padStart(7)} ${bare.errors}`,
  );
  for (const set of sets) {
    for (const row of set.rows) {
      const { rps, p50, p99, errors } = row.figures;
      console.log(
        `${row.label.padEnd(26)} ${set.name.padEnd(9)} ${fixed(rps).padStart(7)} ${fixed(p50).padStart(7)} ${fixed(p99).padStart(7)} ${fixed(rps / bare.rps, 3).padStart(7)} ${errors}`,
      );
    }
  }
  for (const set of sets) {
    console.log(
      `${set.name}: peak RSS under load ${fixed(set.rss / 1024 / 1024)} MB, cold start ${fixed(set.coldStartMs)} ms (spawn to listening, migrations included)`,
    );
  }
}

console.log(
  `Kurssipolku bench:http, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${fixed0(totalmem() / 2 ** 30)} GiB, ${new Date().toISOString()}, ${seconds} s per page at ${connections} connections`,
);
function fixed0(value: number) {
  return value.toFixed(0);
}

try {
  const bareServer = await start('bench/bare-hono.ts', {});
  const bare = await load(bareServer, { label: 'bare', path: '/' });
  await stop(bareServer);
  const sets = [
    // Mid-term in the demo's autumn, as the end-to-end tests run it: a session tonight.
    await benchDataSet('demo', join(directory, 'demo.sqlite'), {
      START_TIME: '2026-10-06T12:00:00+03:00',
    }),
  ];
  const national = process.env.NATIONAL_DATABASE;
  if (national && existsSync(national)) {
    const copy = join(directory, 'national.sqlite');
    copyFileSync(national, copy);
    console.log(`National data: the coordinator works for ${makeCountyCoordinator(copy)}.`);
    sets.push(await benchDataSet('national', copy, { SEED_DEMO_DATA: 'false' }));
  } else {
    console.log('NATIONAL_DATABASE not set (or missing): the national data set is skipped.');
  }
  printTable(bare, sets);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
