/** The region a list shows: '' = every region. */
export type RegionChoice = {
  region: string;
  /** The address asked for a region no locality has: the list shows every region instead. */
  unknown: string | null;
  /** Every region the localities have, for the filter's choices. */
  regions: string[];
  /** The address chose it (`?region=`): links and other filters carry it on; else the default. */
  asked: boolean;
};

/**
 * `?region=` wins (empty = every region); without it the person's home region is the default. A
 * region no locality has (mistyped, or its localities renamed) shows every region, never nothing:
 * asked in the address it is also said so; as a stale home region it is quietly ignored.
 */
export function chooseRegion(
  asked: string | undefined,
  homeRegion: string,
  regions: string[],
): RegionChoice {
  const wanted = asked ?? homeRegion;
  const fromAddress = asked !== undefined;
  if (wanted === '' || regions.includes(wanted)) {
    return { region: wanted, unknown: null, regions, asked: fromAddress };
  }
  return { region: '', unknown: fromAddress ? asked : null, regions, asked: fromAddress };
}
