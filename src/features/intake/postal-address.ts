import { z } from 'zod';
import { optionalText } from '../../lib/form-input';

/** A Finnish postcode: five digits. */
const postcodePattern = /^\d{5}$/;

/**
 * The postal address for letters, optional on every form that takes a person's details: someone
 * without e-mail gets their invitations by post.
 */
export const postalAddressShape = {
  postalStreet: optionalText(200),
  postalCode: optionalText(10).refine(
    (typed) => typed === '' || postcodePattern.test(typed),
    'intake.validation.postcode',
  ),
  postOffice: optionalText(100),
};

export type PostalAddress = { postalStreet: string; postalCode: string; postOffice: string };

export const addressParts = ['postalStreet', 'postalCode', 'postOffice'] as const;

/** A letter cannot be posted to half an address: one part given asks for all three. */
export function requireWholeAddress(address: PostalAddress, ctx: z.RefinementCtx) {
  if (addressParts.every((part) => address[part] === '')) return;
  for (const part of addressParts) {
    if (address[part] === '') {
      ctx.addIssue({ code: 'custom', path: [part], message: 'intake.validation.addressPart' });
    }
  }
}
