import { z } from 'zod';
import { chosenLanguage, defaultLanguage } from '../../i18n';
import { minimumPasswordLength } from '../users/new-user';

const password = z.string().min(1, 'validation.required').max(1024, 'validation.tooLong');
const returnPath = z.string().max(2048).optional();

/** A code from the authenticator app, or a recovery code. */
export const twoStepCodeForm = z.object({
  code: z.string().trim().min(1, 'validation.required').max(64, 'validation.tooLong'),
  next: returnPath,
});

export const passwordChangeForm = z
  .object({
    currentPassword: password,
    newPassword: z
      .string()
      .min(minimumPasswordLength, 'validation.passwordTooShort')
      .max(1024, 'validation.tooLong'),
    newPasswordAgain: password,
  })
  .refine((form) => form.newPassword === form.newPasswordAgain, {
    path: ['newPasswordAgain'],
    message: 'account.passwordsDiffer',
  })
  .refine((form) => form.newPassword !== form.currentPassword, {
    path: ['newPassword'],
    message: 'account.passwordUnchanged',
  });

export const twoStepRemovalForm = z.object({
  password,
  code: twoStepCodeForm.shape.code,
});

/** One's own language for what one is sent; an unknown code is read as Finnish, not refused. */
export const ownLanguageForm = z.object({
  language: z
    .string()
    .max(20)
    .optional()
    .transform((value) => chosenLanguage(value, defaultLanguage)),
});
