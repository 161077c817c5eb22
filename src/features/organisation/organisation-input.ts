import { z } from 'zod';
import { optionalPhone, optionalText } from '../../lib/form-input';
import { optionalEmail } from '../intake/application-input';

/** The organisation form: every field may be empty (and is then left out where it would show). */
export const organisationInput = z.object({
  name: optionalText(200),
  coordinatorName: optionalText(200),
  phone: optionalPhone(),
  email: optionalEmail,
  streetAddress: optionalText(200),
  postcode: optionalText(20).refine(
    (postcode) => postcode === '' || /^\d{5}$/.test(postcode),
    'organisation.validation.postcode',
  ),
  postOffice: optionalText(100),
  privacyContact: optionalText(500),
});

export type OrganisationInput = z.output<typeof organisationInput>;
