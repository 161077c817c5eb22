import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';

/** A record id from the path; anything but a positive whole number is a page that does not exist. */
export function idParam(c: Context, name = 'id'): number {
  const id = Number(c.req.param(name));
  if (!Number.isSafeInteger(id) || id <= 0) throw new HTTPException(404);
  return id;
}
