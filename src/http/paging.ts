import type { Context } from 'hono';
import { z } from 'zod';

/**
 * Long lists are read one page at a time by keyset ("after this row"), never by OFFSET: a page
 * costs the same on the first day and after ten years of history, and a row added meanwhile does
 * not shift the next page.
 */
export const pageSize = 50;

/**
 * The cursor is the id of the last row shown (`?after=123`): the list's own query finds that row's
 * ordering key, so the address carries no dates or names. Anything but a plain positive number,
 * or a row that no longer exists, starts again from the first page: an old or edited link never
 * fails.
 */
const afterQuery = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .transform(Number)
  .refine(Number.isSafeInteger)
  .optional()
  .catch(undefined);

export function afterCursor(c: Context): number | undefined {
  return afterQuery.parse(c.req.query('after'));
}

/** One page: the query read one row more than a page, which tells whether another page follows. */
export type Page<Row> = { rows: Row[]; nextAfter: number | null };

export function pageOf<Row extends { id: number }>(rows: Row[], size = pageSize): Page<Row> {
  if (rows.length <= size) return { rows, nextAfter: null };
  const shown = rows.slice(0, size);
  return { rows: shown, nextAfter: shown.at(-1)!.id };
}
