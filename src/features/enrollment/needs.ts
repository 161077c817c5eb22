import {
  participantNeeds,
  type TransportMeans,
  type TransportState,
  type VenueKind,
} from '../../../db/schema';

/**
 * The needs ticked in the phone interview, as staff see them on the roster and the course page.
 * "Other" is left out on purpose: its free text may hold health details, and the bare word tells
 * the course nothing it can act on. The person's own page keeps the full interview.
 */
export const shownNeeds = [
  'transport',
  'step-free',
  'hearing',
  'interpreter',
  'assistant',
] as const;
export type ShownNeed = (typeof shownNeeds)[number];

/** The stored comma-separated list, in a fixed order, without "other", unknown words or repeats. */
export function parseNeeds(stored: string | null | undefined): ShownNeed[] {
  const ticked = new Set(
    (stored ?? '')
      .split(',')
      .map((word) => word.trim())
      .filter((word) => (participantNeeds as readonly string[]).includes(word)),
  );
  return shownNeeds.filter((need) => ticked.has(need));
}

/**
 * Where the transport of someone who needs it stands; null when they do not need transport.
 * Nobody having looked at it yet ('') means it is still to be arranged.
 */
export function transportFollowThrough(
  needs: readonly ShownNeed[],
  stored: TransportState | '',
): TransportState | null {
  if (!needs.includes('transport')) return null;
  return stored === '' ? 'to-arrange' : stored;
}

/** One placed participant, as the counts need them. */
export type PlacedNeeds = { needs: readonly ShownNeed[]; transportState: TransportState | '' };

export type NeedsSummary = {
  /** How many placed participants have each need. */
  counts: Record<ShownNeed, number>;
  transport: Record<TransportState, number>;
};

export function summariseNeeds(placed: readonly PlacedNeeds[]): NeedsSummary {
  const counts = Object.fromEntries(shownNeeds.map((need) => [need, 0])) as Record<
    ShownNeed,
    number
  >;
  const transport: Record<TransportState, number> = {
    'to-arrange': 0,
    arranged: 0,
    'not-needed': 0,
  };
  for (const person of placed) {
    for (const need of new Set(person.needs)) counts[need] += 1;
    const state = transportFollowThrough(person.needs, person.transportState);
    if (state) transport[state] += 1;
  }
  return { counts, transport };
}

export type VenueAccess = { kind: VenueKind; stepFreeAccess: boolean; hearingLoop: boolean };
export type VenueMismatch = { need: 'step-free' | 'hearing'; people: number };

/**
 * The needs the course's venue cannot meet, with how many placed people have them. An online
 * course is attended from home, so neither the entrance nor a loop of the venue matters; a course
 * without a venue yet has nothing to compare.
 */
export function venueMismatches(
  venue: VenueAccess | null | undefined,
  summary: NeedsSummary,
): VenueMismatch[] {
  if (!venue || venue.kind === 'online') return [];
  const mismatches: VenueMismatch[] = [];
  if (!venue.stepFreeAccess && summary.counts['step-free'] > 0) {
    mismatches.push({ need: 'step-free', people: summary.counts['step-free'] });
  }
  if (!venue.hearingLoop && summary.counts.hearing > 0) {
    mismatches.push({ need: 'hearing', people: summary.counts.hearing });
  }
  return mismatches;
}

export type TransportChange = { state: TransportState; means: TransportMeans | '' };

/** Only "arranged" keeps a means: the others clear it, so a stale "taxi" never lingers. */
export function normalisedTransport(change: TransportChange): TransportChange {
  return change.state === 'arranged' ? change : { state: change.state, means: '' };
}
