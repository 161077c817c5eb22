import { z } from 'zod';
import { venueKinds } from '../../../db/schema';
import {
  checkbox,
  optionalText,
  optionalWholeNumber,
  requiredText,
  whenFieldsValid,
} from '../../lib/form-input';

export const localityInput = z.object({
  name: requiredText(100),
  region: optionalText(100),
});

export type LocalityInput = z.output<typeof localityInput>;

export const venueInput = z
  .object({
    name: requiredText(200),
    kind: z.enum(venueKinds, 'validation.venueKind'),
    streetAddress: optionalText(300),
    capacity: optionalWholeNumber(1, 1000),
    stepFreeAccess: checkbox,
    hearingLoop: checkbox,
    accessibilityNotes: optionalText(1000),
  })
  .superRefine(
    (venue, ctx) => {
      // Participants need somewhere to go; an online meeting sends its link instead.
      if (venue.kind === 'in-person' && venue.streetAddress === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['streetAddress'],
          message: 'validation.addressRequired',
        });
      }
    },
    whenFieldsValid('kind', 'streetAddress'),
  );

export type VenueInput = z.output<typeof venueInput>;
