/** The region a list shows: '' = every region. */
export type RegionChoice = {
  region: string;
  /** The address asked for a region no locality has: the list shows every region instead. */
  unknown: string | null;
  /** Every region the localities have, for the filter's choices. */
  regions: string[];
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
  if (wanted === '' || regions.includes(wanted)) return { region: wanted, unknown: null, regions };
  return { region: '', unknown: asked === undefined ? null : asked, regions };
}
