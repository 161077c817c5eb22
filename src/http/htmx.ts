import type { Context } from 'hono';

/** An htmx request that wants a fragment; boosted links still get the whole page. */
export function isHtmxRequest(c: Context): boolean {
  return c.req.header('HX-Request') === 'true' && c.req.header('HX-Boosted') !== 'true';
}

/** An htmx request that will swap only the element with this id (its `hx-target`). */
export function isHtmxRequestFor(c: Context, targetId: string): boolean {
  return isHtmxRequest(c) && c.req.header('HX-Target') === targetId;
}
