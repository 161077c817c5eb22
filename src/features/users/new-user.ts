import { z } from 'zod';
import { staffRoles } from '../../../db/schema';

export const minimumPasswordLength = 12;

/** One shape for a new staff account, used by the admin form and by `npm run user:add`. */
export const newUserInput = z.object({
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'validation.required')
    .max(254, 'validation.tooLong')
    .pipe(z.email('validation.email')),
  role: z.enum(staffRoles, 'validation.role'),
  password: z
    .string()
    .min(minimumPasswordLength, 'validation.passwordTooShort')
    .max(1024, 'validation.tooLong'),
});

export type NewUserInput = z.output<typeof newUserInput>;
