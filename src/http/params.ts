import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';

/** A record id from the path; anything but a positive whole number is a page that does not exist. */
export function idParam(c: Context, name = 'id'): number {
  // Only the plain digits of a positive number: '0x10', '1e3', ' 16' or '016' are other addresses.
  const typed = c.req.param(name) ?? '';
  const id = /^[1-9]\d{0,15}$/.test(typed) ? Number(typed) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw new HTTPException(404);
  return id;
}

/** A record id in a query string (a filter or a picker); anything else is as if it were not given. */
export const optionalIdQuery = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number)
  .optional()
  .catch(undefined);
