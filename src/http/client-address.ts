import type { Context } from 'hono';
import type { AppEnv } from './app-env';

/**
 * The address used for throttling. Each proxy appends the address it received the request from to
 * X-Forwarded-For, and everything left of our own proxies' entries is whatever the client sent, so
 * behind `trustedProxyHops` proxies the client is that many entries from the right.
 */
export function clientAddress(c: Context<AppEnv>, trustedProxyHops: number): string {
  const socketAddress = c.env?.incoming?.socket.remoteAddress ?? 'unknown';
  return addressBehindProxies(c.req.header('X-Forwarded-For'), trustedProxyHops, socketAddress);
}

/** A request that passed fewer proxies than configured gives its left-most entry. */
export function addressBehindProxies(
  forwardedFor: string | undefined,
  trustedProxyHops: number,
  socketAddress: string,
): string {
  if (trustedProxyHops < 1 || !forwardedFor) return socketAddress;
  const hops = forwardedFor.split(',').map((entry) => entry.trim());
  const fromTheRight = Math.min(trustedProxyHops, hops.length);
  return hops[hops.length - fromTheRight] || socketAddress;
}
