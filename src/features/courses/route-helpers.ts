import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppDatabase } from '../../db';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { idParam } from '../../http/params';
import type { CourseCommandContext } from './course-changes';
import { findCourse, type CourseWithSchedule } from './queries';

export function loadCourse(db: AppDatabase, c: Context): CourseWithSchedule {
  const course = findCourse(db, idParam(c, 'id'));
  if (!course) throw new HTTPException(404);
  return course;
}

/** Who acts and what their messages need, for a course command called from a route. */
export function commandContextFor({ clock, mail }: Pick<AppDeps, 'clock' | 'mail'>) {
  return (c: Context<SignedInEnv>): CourseCommandContext => ({
    actor: c.get('user'),
    mail: { ...mail, now: clock() },
  });
}
