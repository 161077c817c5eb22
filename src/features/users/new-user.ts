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
  /** '' = every region; the route checks it is a region the localities have. */
  homeRegion: z.string().trim().max(100, 'validation.tooLong').default(''),
  password: z
    .string()
    .min(minimumPasswordLength, 'validation.passwordTooShort')
    .max(1024, 'validation.tooLong'),
});

/** The home region form: one field, checked against the localities' regions by the route. */
export const homeRegionInput = z.object({
  homeRegion: z.string().trim().max(100, 'validation.tooLong').default(''),
});

/** The home region may be left out (the command line, the demo): every region. */
export type NewUserInput = Omit<z.output<typeof newUserInput>, 'homeRegion'> & {
  homeRegion?: string;
};
