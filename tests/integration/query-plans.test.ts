import type Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  applications,
  auditLog,
  callAttempts,
  instructors,
  outbox,
  terms,
  users,
} from '../../db/schema';
import { createApp } from '../../src/app';
import type { AppDatabase } from '../../src/db';
import { demoSignIns, loadDemoData } from '../../src/features/demo/demo-data';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import { freshDatabase, getPage, manualClock, signIn, testConfig } from '../support/test-app';

/**
 * The rule: a table that grows with history (one row per application, message, entry, call,
 * enrolment, session, attendance mark…) is never read whole by a page. In SQLite's words a plan
 * step `SCAN <big table>` — a full read of the table, or of an index without a bound — fails,
 * unless the statement is LIMITed and walks an index in the list's own order (`SCAN t USING
 * INDEX` + LIMIT: it stops after one page). `SEARCH … USING (COVERING) INDEX` and `SEARCH … USING
 * INTEGER PRIMARY KEY` read only what they find. Small tables (programs, localities, regions,
 * terms, users, venues, organisation settings) may be scanned: they grow with the organisation,
 * not with its history. The few statements that cannot be served by an index are listed in
 * `knownScans` with the reason, so a new one fails here.
 */
const historyTables = new Set([
  'applications',
  'audit_log',
  'outbox',
  'call_attempts',
  'interviews',
  'enrollments',
  'courses',
  'course_sessions',
  'course_instructors',
  'invitations',
  'attendance',
  'session_leaders',
  'course_feedback',
  'unconfirmed_submissions',
  'public_submissions',
  'training_candidates',
  'candidate_history',
  'sessions',
  'failed_sign_ins',
]);

/**
 * Reads that no index can serve, each with why. Matched by the table scanned and a piece of the
 * statement's SQL, so a new whole-table read elsewhere still fails.
 */
const knownScans = [
  {
    // "contains" (LIKE '%…%') on folded text: no B-tree index helps. The search shows 25 at a
    // time and reads only the shown people's courses and calls, but the match itself reads every
    // application. A full-text index (FTS5 trigram) would be the way to go further.
    table: 'applications',
    sql: 'fold("applications"."name") like',
  },
  {
    // An instructor's licence depends on every course they have led: read whole for the
    // instructor list and the home page's licence reminders. A stored summary per instructor
    // (last course led, updated when a course ends) would make it one row each.
    table: 'courses',
    sql: 'from "course_instructors" inner join "courses"',
  },
];

type Recorded = { sql: string; params: unknown[]; page: string };

/**
 * Every statement the app runs while serving a page, with its parameters: the prepared statements
 * of better-sqlite3 are wrapped so each run is written down.
 */
function recordStatements(client: Database.Database, log: Recorded[], currentPage: () => string) {
  const prepare = client.prepare.bind(client);
  const runners = new Set(['all', 'get', 'run', 'iterate']);
  client.prepare = ((source: string) => {
    const statement = prepare(source);
    const proxy: Database.Statement = new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (runners.has(String(property))) {
            log.push({ sql: source, params: args, page: currentPage() });
          }
          const result = value.apply(target, args);
          return result === target ? proxy : result;
        };
      },
    });
    return proxy;
  }) as typeof client.prepare;
}

type PlanStep = { id: number; parent: number; detail: string };

function planOf(db: AppDatabase, recorded: Recorded): PlanStep[] {
  return db.$client
    .prepare(`EXPLAIN QUERY PLAN ${recorded.sql}`)
    .all(...(recorded.params as unknown[][])) as PlanStep[];
}

/** The plan steps that read a whole history table (see the rule above). */
function wholeTableReads(recorded: Recorded, plan: PlanStep[]): string[] {
  const limited = /\blimit\b/i.test(recorded.sql);
  return plan
    .map((step) => step.detail)
    .filter((detail) => {
      const scan = /^SCAN (\w+)/.exec(detail);
      if (!scan || !historyTables.has(scan[1]!)) return false;
      if (knownScans.some((known) => known.table === scan[1] && recorded.sql.includes(known.sql))) {
        return false;
      }
      const throughIndex = /USING (COVERING )?INDEX/.test(detail);
      return !(throughIndex && limited);
    });
}

const manyRows = 3000;

async function fillHistory(db: AppDatabase, now: Date) {
  const start = now.getTime() - 3 * 365 * 24 * 3600_000;
  const template = db.select().from(applications).limit(1).get()!;
  const { id: _id, ...copy } = template;
  for (let batch = 0; batch < manyRows; batch += 500) {
    const ids = db
      .insert(applications)
      .values(
        Array.from({ length: 500 }, (_, index) => ({
          ...copy,
          name: `Historia Henkilö ${batch + index}`,
          email: `historia${batch + index}@test.example`,
          phone: `+35840${String(1000000 + batch + index)}`,
          state: 'closed' as const,
          closeReason: 'declined' as const,
          createdAt: new Date(start + (batch + index) * 60_000),
        })),
      )
      .returning({ id: applications.id })
      .all();
    db.insert(callAttempts)
      .values(
        ids.map(({ id }, index) => ({
          applicationId: id,
          at: new Date(start + index),
          outcome: 'reached' as const,
        })),
      )
      .run();
    db.insert(auditLog)
      .values(
        Array.from({ length: 1000 }, (_, index) => ({
          at: new Date(start + (batch * 2 + index) * 1000),
          actorName: 'Historia',
          action: 'read' as const,
          subjectType: 'application',
          subjectId: ids[index % ids.length]!.id,
        })),
      )
      .run();
    db.insert(outbox)
      .values(
        ids.map(({ id }, index) => ({
          messageId: `<history-${batch + index}@test.example>`,
          recipientEmail: `historia${batch + index}@test.example`,
          subject: 'Tervetuloa kurssille',
          textBody: 'Hei',
          htmlBody: '<p>Hei</p>',
          state: 'sent' as const,
          applicationId: id,
          nextAttemptAt: new Date(start + index * 60_000),
          sentAt: new Date(start + index * 60_000),
          createdAt: new Date(start + (batch + index) * 60_000),
        })),
      )
      .run();
  }
}

describe('no page reads a whole history table', () => {
  const db = freshDatabase();
  const clock = manualClock(new Date('2026-09-15T09:00:00Z'));
  const config = testConfig();
  const app = createApp({ db, config, clock });
  const recorded: Recorded[] = [];
  let page = '';
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    await loadDemoData(db, clock(), mailSettingsFrom(config));
    await fillHistory(db, clock());
    for (const role of ['admin', 'coordinator', 'instructor'] as const) {
      cookies.set(
        role,
        await signIn(
          app,
          demoSignIns.find((user) => user.role === role)!,
        ),
      );
    }
    recordStatements(db.$client, recorded, () => page);
  }, 60_000);

  const visit = async (
    role: 'admin' | 'coordinator' | 'instructor',
    path: string,
    headers = {},
  ) => {
    page = path;
    const response = await getPage(app, path, cookies.get(role), headers);
    expect(response.status, path).toBe(200);
    return response;
  };

  it('reads only what the page shows', async () => {
    await visit('coordinator', '/');
    await visit('admin', '/admin/audit');
    const auditAfter = db.select({ id: auditLog.id }).from(auditLog).limit(1).offset(400).get()!.id;
    await visit('admin', `/admin/audit?after=${auditAfter}`);
    // The admin's filters: each one, and two together, first and later pages.
    const someone = db.select({ id: auditLog.subjectId }).from(auditLog).limit(1).offset(700).get()!
      .id!;
    const admin = demoSignIns.find((user) => user.role === 'admin')!;
    const adminId = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, admin.email))
      .get()!.id;
    for (const filter of [
      `person=${someone}`,
      `actor=${adminId}`,
      'action=read',
      'from=2024-01-01&to=2025-06-30',
      `person=${someone}&action=read`,
      `actor=${adminId}&from=2026-01-01`,
    ]) {
      await visit('admin', `/admin/audit?${filter}`);
      await visit('admin', `/admin/audit?${filter}&after=${auditAfter}`);
    }
    await visit('coordinator', '/outbox');
    await visit('coordinator', '/outbox?state=failed');
    const outboxAfter = db.select({ id: outbox.id }).from(outbox).limit(1).offset(400).get()!.id;
    await visit('coordinator', `/outbox?after=${outboxAfter}`);
    await visit('coordinator', `/outbox?state=sent&after=${outboxAfter}`);
    await visit('coordinator', '/calls');
    const queued = db.select({ id: applications.id }).from(applications).limit(1).get()!.id;
    await visit('coordinator', `/calls?after=${queued}`);
    await visit('coordinator', '/instructors');
    const instructor = db.select({ id: instructors.id }).from(instructors).limit(1).get()!.id;
    await visit('coordinator', `/instructors?after=${instructor}`);
    await visit('coordinator', '/terms');
    const term = db.select({ id: terms.id }).from(terms).limit(1).get()!.id;
    await visit('coordinator', `/terms?after=${term}`);
    for (const term of db.select({ id: terms.id }).from(terms).all()) {
      await visit('coordinator', `/terms/${term.id}`);
    }
    await visit('coordinator', '/people?q=historia');
    const person = db.select({ id: applications.id }).from(applications).limit(1).offset(500).get()!
      .id;
    await visit('coordinator', `/people?q=historia&after=${person}`);
    await visit('coordinator', '/people?q=040');
    await visit('admin', '/');
    await visit('instructor', '/');
    await visit('instructor', '/calls');
    await visit('instructor', '/people?q=historia');

    expect(recorded.length).toBeGreaterThan(20);
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const statement of recorded) {
      if (seen.has(statement.sql) || !/^\s*select/i.test(statement.sql)) continue;
      seen.add(statement.sql);
      const reads = wholeTableReads(statement, planOf(db, statement));
      if (reads.length > 0)
        problems.push(`${statement.page}: ${reads.join('; ')}\n    ${statement.sql}`);
    }
    expect(problems).toEqual([]);

    // A filtered audit page walks the filter's own index (person, staff member, action or date),
    // never the whole log in time order hoping to meet matching rows.
    const filteredAuditReads = recorded.filter(
      (statement) =>
        /^\/admin\/audit\?(person|actor|action|from)/.test(statement.page) &&
        /from "audit_log"/.test(statement.sql) &&
        /order by/i.test(statement.sql),
    );
    expect(new Set(filteredAuditReads.map((statement) => statement.page)).size).toBe(12);
    for (const statement of filteredAuditReads) {
      const steps = planOf(db, statement).map((step) => step.detail);
      expect(
        steps.filter((step) => step.startsWith('SCAN audit_log')),
        statement.page,
      ).toEqual([]);
      expect(steps.some((step) => step.startsWith('SEARCH audit_log USING INDEX audit_log_'))).toBe(
        true,
      );
      if (statement.page.includes('person=')) {
        // A person's entries: found by subject, not by reading every entry of an action or day.
        const auditSteps = steps.filter((step) => step.startsWith('SEARCH audit_log'));
        expect(auditSteps.every((step) => step.includes('audit_log_subject_idx'))).toBe(true);
      }
    }
  });
});
