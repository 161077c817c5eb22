import { expect } from 'vitest';
import { startServer, type RunningServer } from './browser';

/** Signs in on one server; the session lives in the database, so every server on it accepts it. */
export async function signInAt(
  server: RunningServer,
  credentials: { email: string; password: string },
): Promise<string> {
  const response = await fetch(`${server.baseUrl}/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.baseUrl },
    body: new URLSearchParams(credentials),
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** The coordinator's "place on the course" form, posted as a browser on that server posts it. */
export async function postPlacement(
  server: RunningServer,
  cookie: string,
  placement: { applicationId: number; courseId: number },
): Promise<number> {
  const response = await fetch(`${server.baseUrl}/enrollments`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: server.baseUrl,
      Cookie: cookie,
    },
    body: new URLSearchParams({
      applicationId: String(placement.applicationId),
      courseId: String(placement.courseId),
    }),
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Server processes on one database file (made beforehand, without the demo), each on its own port,
 * as a rolling restart runs them.
 */
export async function serversOnOneFile(
  directory: string,
  count: number,
  startTime: string,
): Promise<RunningServer[]> {
  const servers: RunningServer[] = [];
  for (let i = 0; i < count; i++) {
    servers.push(await startServer(directory, { SEED_DEMO_DATA: 'false', START_TIME: startTime }));
  }
  return servers;
}
