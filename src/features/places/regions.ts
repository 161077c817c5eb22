import { asc, ne, sql, type Column, type Placeholder, type SQL } from 'drizzle-orm';
import type { Context } from 'hono';
import { localities } from '../../../db/schema';
import { preparedFor, type AppDatabase } from '../../db';
import type { SignedInEnv } from '../../http/app-env';
import { chooseRegion, type RegionChoice } from './region-choice';

const regionList = preparedFor((db) =>
  db
    .selectDistinct({ region: localities.region })
    .from(localities)
    .where(ne(localities.region, ''))
    .orderBy(asc(localities.region))
    .prepare(),
);

/** The regions (wellbeing services counties) the localities belong to, by name. */
export function listRegions(db: AppDatabase): string[] {
  return regionList(db)
    .all()
    .map((row) => row.region);
}

/** A home region one may choose: every region (''), or one the localities have. */
export function isChoosableRegion(db: AppDatabase, region: string): boolean {
  return region === '' || listRegions(db).includes(region);
}

/** The region a signed-in person's list shows: `?region=` or else their home region. */
export function regionShown(db: AppDatabase, c: Context<SignedInEnv>): RegionChoice {
  return chooseRegion(c.req.query('region'), c.get('user').homeRegion, listRegions(db));
}

/**
 * A where-condition: the row's locality is in the region ('' = every region). Written as a
 * subquery on the small localities table, so it adds a filter to the list's own index path and
 * works with a prepared statement's placeholder. `orNoLocality` keeps rows without a locality (an
 * applicant from a municipality not on the list) in every region's view, so nobody is lost.
 */
export function inRegion(
  localityId: Column | SQL,
  region: Placeholder | string,
  options: { orNoLocality?: boolean } = {},
): SQL {
  const inside = sql`${localityId} in (select ${localities.id} from ${localities} where ${localities.region} = ${region})`;
  return options.orNoLocality
    ? sql`(${region} = '' or ${localityId} is null or ${inside})`
    : sql`(${region} = '' or ${inside})`;
}
