import type { Context } from 'hono';
import { zValidator, type Hook } from '@hono/zod-validator';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { isMessageKey, type Translate } from '../i18n';
import { cleanFormValues, cleanText } from '../lib/clean-text';
import { asAppContext, type AnyEnv, type AppEnv, type SignedInEnv } from './app-env';

/**
 * What a form sent, as text, so a re-rendered form can show what was typed (without the control
 * characters validation removes).
 */
export type TypedValues = Record<string, string>;

/** A message in the user's language for each field that was refused, by field name. */
export type FieldErrors = Partial<Record<string, string>>;

/** A form to show again: what was typed and what was wrong with it. */
export type FormState = { values: TypedValues; errors: FieldErrors };

export function typedValues(input: unknown): TypedValues {
  if (typeof input !== 'object' || input === null) return {};
  return Object.fromEntries(
    Object.entries(input).map(([name, value]) => [
      name,
      typeof value === 'string' ? cleanText(value) : '',
    ]),
  );
}

/**
 * Schemas put a message key in each issue (e.g. `.min(1, 'validation.required')`); this turns the
 * first issue of each field into text in the user's language.
 */
export function fieldErrorsFrom(error: z.core.$ZodError, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (errors[field]) continue;
    const key = isMessageKey(issue.message) ? issue.message : 'validation.invalid';
    const limits = issue as { maximum?: unknown; minimum?: unknown };
    errors[field] = t(key, {
      max: String(limits.maximum ?? ''),
      min: String(limits.minimum ?? ''),
    });
  }
  return errors;
}

export type InvalidFormRenderer<Env extends AnyEnv = SignedInEnv> = (
  c: Context<Env>,
  invalid: { errors: FieldErrors; values: TypedValues },
) => Response | Promise<Response>;

/**
 * Validates a posted form at the route edge. Control characters are removed from every value
 * first (`cleanText`). Invalid input re-renders the form with status 422, messages at the fields
 * and the typed values kept; the handler gets the parsed data (`c.req.valid('form')`) and the
 * text as typed (`c.get('formValues')`), so no route parses the body again.
 */
export function validForm<Schema extends z.ZodType, Env extends AnyEnv = SignedInEnv>(
  schema: Schema,
  renderInvalid: InvalidFormRenderer<Env>,
) {
  const reRenderWhenInvalid: Hook<z.infer<Schema>, Env, string, 'form', {}, Schema> = async (
    result,
    c,
  ) => {
    const plain = asAppContext(c);
    if (result.success) {
      // The body is parsed once and cached by Hono; the handler gets the text as typed from here.
      plain.set('formValues', typedValues(cleanFormValues(await c.req.parseBody())));
      return;
    }
    c.status(422);
    return renderInvalid(c, {
      errors: fieldErrorsFrom(result.error, plain.get('t')),
      values: typedValues(result.data),
    });
  };
  const validator = zValidator<Schema, 'form', Env, string, typeof reRenderWhenInvalid>(
    'form',
    schema,
    reRenderWhenInvalid,
    {
      // The library types the result by a condition on the schema that a generic cannot resolve.
      validationFunction: (schema, value) => schema.safeParseAsync(cleanFormValues(value)) as never,
    },
  );
  // The validator reads any other body (JSON, plain text) as a form with no fields, which would
  // save every field empty; a browser's form is always one of these two.
  const onlyForms: typeof validator = async (c, next) => {
    const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType !== 'application/x-www-form-urlencoded' && mediaType !== 'multipart/form-data') {
      throw new HTTPException(415);
    }
    return validator(c, next);
  };
  return onlyForms;
}

/** `validForm` for a route open to people who are not signed in (its handler has no user). */
export function validPublicForm<Schema extends z.ZodType>(
  schema: Schema,
  renderInvalid: InvalidFormRenderer<AppEnv>,
) {
  return validForm<Schema, AppEnv>(schema, renderInvalid);
}
