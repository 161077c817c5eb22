import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import {
  applications,
  courseFeedback,
  outbox,
  retentionRuns,
  trainingCandidates,
} from '../../../db/schema';
import {
  immediateTransaction,
  type AppDatabase,
  type DatabaseOrTransaction,
  type Transaction,
} from '../../db';
import { recordAudit, type Actor } from '../audit/audit-log';
import { anonymiseApplicationIn, anonymiseCandidateIn } from './anonymise';
import {
  applicationsDue,
  auditRowsDueNow,
  candidatesDue,
  feedbackDue,
  mailBodiesDue,
  type Due,
  type MailOwner,
  type Scope,
} from './queries';
import {
  auditCutoff,
  dueByChecker,
  helsinkiDateOf,
  noCounts,
  type RetentionCounts,
} from './retention-rules';
import { retentionPeriods, type RetentionPeriods } from './retention-settings';

/**
 * Rows changed per transaction: a national-size first run (tens of thousands of people) then holds
 * the write lock for about a fifth of a second at a time (`npm run bench`), and requests are served
 * in between.
 */
export const retentionBatchSize = 200;

export type RetentionOutcome =
  | { outcome: 'ran'; runOn: string; counts: RetentionCounts }
  | { outcome: 'already-ran'; runOn: string }
  | { outcome: 'dry-run'; runOn: string; counts: RetentionCounts; alreadyRanToday: boolean };

/** Lets the event loop serve requests between two batches of the server's daily run. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function chunks<Item>(items: Item[]): Item[][] {
  const parts: Item[][] = [];
  for (let start = 0; start < items.length; start += retentionBatchSize) {
    parts.push(items.slice(start, start + retentionBatchSize));
  }
  return parts;
}

/**
 * One kind of work: how its due rows are read (also again, by id, inside each batch), how many
 * rows of data one due row stands for, and the change made to a batch of them.
 */
type Step = {
  kind: Exclude<keyof RetentionCounts, 'auditRows'>;
  read: (db: DatabaseOrTransaction, periods: RetentionPeriods, scope: Scope) => Due<object>[];
  weight?: (row: Due<object>) => number;
  /**
   * Whose data a row is ('application:1', 'candidate:2'). A step that anonymises people does
   * every later step's rows of the same person with them, so a dry run does not count those twice.
   */
  owner?: (row: Due<object>) => string | null;
  anonymises?: true;
  change: (tx: Transaction, ids: number[], now: Date) => number;
};

/** In this order: mail after the anonymisations, so their messages' recipients go too. */
const steps: Step[] = [
  {
    kind: 'applications',
    read: applicationsDue,
    owner: (row) => `application:${row.id}`,
    anonymises: true,
    change: (tx, ids, now) => ids.filter((id) => anonymiseApplicationIn(tx, id, now)).length,
  },
  {
    kind: 'candidates',
    read: candidatesDue,
    owner: (row) => `candidate:${row.id}`,
    anonymises: true,
    change: (tx, ids, now) => ids.filter((id) => anonymiseCandidateIn(tx, id, now)).length,
  },
  {
    kind: 'feedbackTexts',
    read: feedbackDue,
    weight: (course) => (course as Due<{ answers: number }>).answers,
    change: emptyFeedbackTextsIn,
  },
  {
    kind: 'mailBodies',
    read: mailBodiesDue,
    owner: (row) => {
      const { applicationId, candidateId } = row as Due<MailOwner>;
      if (applicationId !== null) return `application:${applicationId}`;
      return candidateId === null ? null : `candidate:${candidateId}`;
    },
    change: pruneMailIn,
  },
];

/** The step's rows due by the scope's horizon (the read's prefilter lets a few later ones in). */
function dueBy(step: Step, db: DatabaseOrTransaction, periods: RetentionPeriods, scope: Scope) {
  const isDue = dueByChecker(scope.horizon);
  return step.read(db, periods, scope).filter((row) => isDue(row.rule));
}
const idsOf = (rows: { id: number }[]) => rows.map((row) => row.id);

/**
 * Does one kind's work in batches: each batch is one immediate transaction that reads its rows'
 * facts again (they may have changed since the list was made) and changes only what is still due.
 */
async function inBatches(
  db: AppDatabase,
  step: Step,
  periods: RetentionPeriods,
  options: { now: Date; signal?: AbortSignal },
): Promise<number> {
  const { now, signal } = options;
  let changed = 0;
  const due = idsOf(dueBy(step, db, periods, { horizon: now }));
  await nextTurn();
  for (const batch of chunks(due)) {
    if (signal?.aborted) break;
    changed += immediateTransaction(db, (tx) =>
      step.change(tx, idsOf(dueBy(step, tx, periods, { horizon: now, ids: batch })), now),
    );
    await nextTurn();
  }
  return changed;
}

function emptyFeedbackTextsIn(tx: Transaction, courseIds: number[]): number {
  if (courseIds.length === 0) return 0;
  return tx
    .update(courseFeedback)
    .set({ bestThing: '', toImprove: '', freeTextEmptied: true })
    .where(
      and(inArray(courseFeedback.courseId, courseIds), eq(courseFeedback.freeTextEmptied, false)),
    )
    .run().changes;
}

/** Empties a sent message's body; also its recipient when the person was anonymised since. */
function pruneMailIn(tx: Transaction, ids: number[], now: Date): number {
  if (ids.length === 0) return 0;
  const pruned = tx
    .update(outbox)
    .set({ textBody: '', htmlBody: '', calendar: '', calendarMethod: '', bodyPrunedAt: now })
    .where(and(inArray(outbox.id, ids), isNull(outbox.bodyPrunedAt)))
    .run().changes;
  const anonymisedApplications = tx
    .select({ id: applications.id })
    .from(applications)
    .where(isNotNull(applications.anonymisedAt));
  const anonymisedCandidates = tx
    .select({ id: trainingCandidates.id })
    .from(trainingCandidates)
    .where(isNotNull(trainingCandidates.anonymisedAt));
  tx.update(outbox)
    .set({ recipientEmail: '', recipientPhone: '', recipientName: '', subject: '', lastError: '' })
    .where(
      and(
        inArray(outbox.id, ids),
        or(
          inArray(outbox.applicationId, anonymisedApplications),
          inArray(outbox.candidateId, anonymisedCandidates),
        ),
      ),
    )
    .run();
  return pruned;
}

/** Claims today's run (the unique date makes a second claim, in any process, find it taken). */
function claimRun(db: AppDatabase, actor: Actor, now: Date, runOn: string): number | null {
  return immediateTransaction(db, (tx) => {
    const claimed = tx
      .insert(retentionRuns)
      .values({ runOn, at: now, byName: actor.name })
      .onConflictDoNothing({ target: retentionRuns.runOn })
      .returning({ id: retentionRuns.id })
      .get();
    if (!claimed) return null;
    // First, so the newest audit entry is now: the table's trigger measures age from it.
    recordAudit(
      tx,
      {
        actor,
        action: 'delete',
        subjectType: 'retention-run',
        subjectId: claimed.id,
        detail: `retention run ${runOn}`,
      },
      now,
    );
    return claimed.id;
  });
}

function alreadyRan(db: AppDatabase, runOn: string): boolean {
  return (
    db
      .select({ id: retentionRuns.id })
      .from(retentionRuns)
      .where(eq(retentionRuns.runOn, runOn))
      .get() !== undefined
  );
}

async function deleteOldAuditRows(
  db: AppDatabase,
  signal: AbortSignal | undefined,
  periods: RetentionPeriods,
  now: Date,
) {
  const cutoff = auditCutoff(now, periods).getTime();
  let deleted = 0;
  while (!signal?.aborted) {
    const changes = immediateTransaction(
      db,
      (tx) =>
        tx.run(
          sql`delete from audit_log where id in (select id from audit_log where at < ${cutoff} order by at limit ${retentionBatchSize})`,
        ).changes,
    );
    deleted += changes;
    if (changes < retentionBatchSize) break;
    await nextTurn();
  }
  return deleted;
}

/**
 * The retention job: once per Helsinki day, anonymises the applications and training candidates
 * that are due, empties the feedback free texts and sent mail bodies that are due, and deletes
 * audit rows older than the audit period. A dry run counts the same without writing anything.
 * An aborted signal (the server stopping) ends the run after the batch under way; what is left is
 * still due, and the next day's run does it.
 */
export async function runRetention(
  db: AppDatabase,
  options: { now: Date; actor: Actor; dryRun?: boolean; signal?: AbortSignal },
): Promise<RetentionOutcome> {
  const { now, actor, signal } = options;
  const runOn = helsinkiDateOf(now);
  const periods = retentionPeriods(db);
  if (options.dryRun) {
    const counts = noCounts();
    const anonymised = new Set<string>();
    for (const step of steps) {
      for (const row of dueBy(step, db, periods, { horizon: now })) {
        const owner = step.owner?.(row) ?? null;
        if (step.anonymises) anonymised.add(owner!);
        else if (owner !== null && anonymised.has(owner)) continue;
        counts[step.kind] += step.weight?.(row) ?? 1;
      }
    }
    counts.auditRows = auditRowsDueNow(db, periods, now);
    return { outcome: 'dry-run', runOn, counts, alreadyRanToday: alreadyRan(db, runOn) };
  }
  const runId = claimRun(db, actor, now, runOn);
  if (runId === null) return { outcome: 'already-ran', runOn };

  const counts = noCounts();
  for (const step of steps) {
    counts[step.kind] = await inBatches(db, step, periods, { now, signal });
  }
  counts.auditRows = await deleteOldAuditRows(db, signal, periods, now);

  immediateTransaction(db, (tx) =>
    tx
      .update(retentionRuns)
      .set({
        applicationsAnonymised: counts.applications,
        candidatesAnonymised: counts.candidates,
        mailBodiesPruned: counts.mailBodies,
        feedbackTextsEmptied: counts.feedbackTexts,
        auditRowsDeleted: counts.auditRows,
      })
      .where(eq(retentionRuns.id, runId))
      .run(),
  );
  return { outcome: 'ran', runOn, counts };
}
