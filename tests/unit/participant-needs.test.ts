import { describe, expect, it } from 'vitest';
import {
  normalisedTransport,
  parseNeeds,
  summariseNeeds,
  transportFollowThrough,
  venueMismatches,
  type VenueAccess,
} from '../../src/features/enrollment/needs';

describe('reading the needs ticked in the interview', () => {
  it('keeps the known needs in a fixed order, once each', () => {
    expect(parseNeeds('hearing,transport,hearing, step-free ')).toEqual([
      'transport',
      'step-free',
      'hearing',
    ]);
  });

  it('leaves out "other", unknown words and an empty or missing list', () => {
    expect(parseNeeds('other,wheelchair,assistant')).toEqual(['assistant']);
    expect(parseNeeds('')).toEqual([]);
    expect(parseNeeds(null)).toEqual([]);
  });
});

describe('the transport follow-through', () => {
  it('is still to arrange when nobody has looked at it', () => {
    expect(transportFollowThrough(['transport'], '')).toBe('to-arrange');
  });

  it('is what was recorded once someone looked at it', () => {
    expect(transportFollowThrough(['transport', 'hearing'], 'arranged')).toBe('arranged');
    expect(transportFollowThrough(['transport'], 'not-needed')).toBe('not-needed');
  });

  it('does not apply to someone who does not need transport, whatever was stored', () => {
    expect(transportFollowThrough(['hearing'], '')).toBeNull();
    expect(transportFollowThrough([], 'arranged')).toBeNull();
  });

  it('keeps the means only for arranged transport', () => {
    expect(normalisedTransport({ state: 'arranged', means: 'taxi' })).toEqual({
      state: 'arranged',
      means: 'taxi',
    });
    expect(normalisedTransport({ state: 'not-needed', means: 'taxi' })).toEqual({
      state: 'not-needed',
      means: '',
    });
  });
});

describe('counting needs on a course', () => {
  const placed = [
    { needs: parseNeeds('transport,step-free'), transportState: '' as const },
    { needs: parseNeeds('transport'), transportState: 'arranged' as const },
    { needs: parseNeeds('transport,hearing'), transportState: 'not-needed' as const },
    { needs: parseNeeds('hearing'), transportState: 'arranged' as const },
    { needs: parseNeeds('other'), transportState: '' as const },
  ];

  it('counts each need once per person', () => {
    const summary = summariseNeeds(placed);
    expect(summary.counts).toEqual({
      transport: 3,
      'step-free': 1,
      hearing: 2,
      interpreter: 0,
      assistant: 0,
    });
  });

  it('counts transport by its follow-through, only for those who need it', () => {
    expect(summariseNeeds(placed).transport).toEqual({
      'to-arrange': 1,
      arranged: 1,
      'not-needed': 1,
    });
  });

  it('is all zeros for a course with nobody placed', () => {
    const summary = summariseNeeds([]);
    expect(Object.values(summary.counts).every((count) => count === 0)).toBe(true);
    expect(Object.values(summary.transport).every((count) => count === 0)).toBe(true);
  });
});

describe('needs the venue cannot meet', () => {
  const summary = summariseNeeds([
    { needs: ['step-free'], transportState: '' },
    { needs: ['step-free', 'hearing'], transportState: '' },
  ]);
  const venue = (access: Partial<VenueAccess>): VenueAccess => ({
    kind: 'in-person',
    stepFreeAccess: false,
    hearingLoop: false,
    ...access,
  });

  it('names each unmet need with how many people have it', () => {
    expect(venueMismatches(venue({}), summary)).toEqual([
      { need: 'step-free', people: 2 },
      { need: 'hearing', people: 1 },
    ]);
  });

  it('is silent for what the venue has', () => {
    expect(venueMismatches(venue({ stepFreeAccess: true }), summary)).toEqual([
      { need: 'hearing', people: 1 },
    ]);
    expect(venueMismatches(venue({ stepFreeAccess: true, hearingLoop: true }), summary)).toEqual(
      [],
    );
  });

  it('is silent when nobody has the need', () => {
    expect(venueMismatches(venue({}), summariseNeeds([{ needs: [], transportState: '' }]))).toEqual(
      [],
    );
  });

  it('does not apply online or before a venue is chosen', () => {
    expect(venueMismatches(venue({ kind: 'online' }), summary)).toEqual([]);
    expect(venueMismatches(null, summary)).toEqual([]);
  });
});
