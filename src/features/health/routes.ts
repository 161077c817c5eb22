import { Hono } from 'hono';
import { inArray, sql } from 'drizzle-orm';
import { outbox } from '../../../db/schema';
import { access } from '../../http/access';
import type { AppDeps, AppEnv } from '../../http/app-env';

/** Mail not yet delivered: waiting, being sent, or waiting for a retry. */
const undelivered = inArray(outbox.state, ['queued', 'sending', 'retry']);

/**
 * For a monitor, without signing in: whether the database answers, and how much mail waits and
 * for how long (a backlog that keeps growing means the SMTP server is not taking mail). Counts
 * only, nothing about anyone. 503 when the database does not answer.
 */
export function healthRoutes({ db, clock }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/healthz', access('public'), (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      const backlog = db
        .select({
          count: sql<number>`count(*)`,
          oldest: sql<number | null>`min(${outbox.createdAt})`,
        })
        .from(outbox)
        .where(undelivered)
        .get()!;
      return c.json({
        status: 'ok',
        database: 'ok',
        outbox: {
          undelivered: backlog.count,
          oldestUndeliveredSeconds:
            backlog.oldest === null
              ? null
              : Math.max(0, Math.round((clock().getTime() - backlog.oldest) / 1000)),
        },
      });
    } catch {
      return c.json({ status: 'unavailable', database: 'not answering' }, 503);
    }
  });
  return app;
}
