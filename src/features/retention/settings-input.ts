import { z } from 'zod';
import { wholeNumber } from '../../lib/form-input';

/** Each period a positive whole number; the upper limits only keep out typing mistakes. */
export const retentionInput = z.object({
  participantMonths: wholeNumber(1, 240),
  closedApplicationMonths: wholeNumber(1, 240),
  sentMailDays: wholeNumber(1, 3650),
  candidateMonths: wholeNumber(1, 240),
  auditYears: wholeNumber(1, 50),
});
