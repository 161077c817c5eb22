import { createContext, useContext, type Child } from 'hono/jsx';
import type { Translate } from '../../src/i18n';
import type { FieldErrors } from '../../src/http/form';

export type { FieldErrors };

type FormFieldsContext = { errors: FieldErrors; t: Translate };

const FormContext = createContext<FormFieldsContext | null>(null);

/** Gives every field inside one form its error messages and translator, so no field repeats them. */
export function FormFields(props: FormFieldsContext & { children: Child }) {
  return (
    <FormContext.Provider value={{ errors: props.errors, t: props.t }}>
      {props.children}
    </FormContext.Provider>
  );
}

function useFormState(): FormFieldsContext {
  const state = useContext(FormContext);
  if (!state) throw new Error('A form field must be inside <FormFields>');
  return state;
}

type FieldProps = {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
};

function describedBy(name: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint && `${name}-hint`, hasError && `${name}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Label, hint and error message wired to the control, so they are read out together. */
function Field(
  props: FieldProps & { control: (aria: Record<string, string | undefined>) => Child },
) {
  const { errors, t } = useFormState();
  const error = errors[props.name];
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={props.name}>
        {props.label}
        {props.required && <span class="required"> {t('form.required')}</span>}
      </label>
      {props.hint && (
        <p id={`${props.name}-hint`} class="hint">
          {props.hint}
        </p>
      )}
      {error && (
        <p id={`${props.name}-error`} class="field-error">
          {error}
        </p>
      )}
      {props.control({
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': describedBy(props.name, Boolean(props.hint), Boolean(error)),
      })}
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    value?: string;
    type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'date' | 'time';
    autocomplete?: string;
    min?: string | number;
    max?: string | number;
  },
) {
  return (
    <Field
      {...props}
      control={(aria) => (
        <input
          id={props.name}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.type === 'password' ? undefined : props.value}
          autocomplete={props.autocomplete}
          required={props.required}
          min={props.min}
          max={props.max}
          {...aria}
        />
      )}
    />
  );
}

export function TextAreaField(props: FieldProps & { value?: string; rows?: number }) {
  return (
    <Field
      {...props}
      control={(aria) => (
        <textarea
          id={props.name}
          name={props.name}
          rows={props.rows ?? 3}
          required={props.required}
          {...aria}
        >
          {props.value}
        </textarea>
      )}
    />
  );
}

/** A single yes/no box; the label follows the box, as users expect. */
export function CheckboxField(
  props: Omit<FieldProps, 'required'> & { checked?: boolean; value?: string },
) {
  const error = useFormState().errors[props.name];
  return (
    <div class={error ? 'field field-checkbox field-invalid' : 'field field-checkbox'}>
      {error && (
        <p id={`${props.name}-error`} class="field-error">
          {error}
        </p>
      )}
      <input
        id={props.name}
        name={props.name}
        type="checkbox"
        value={props.value ?? 'on'}
        checked={props.checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(error))}
      />
      <label for={props.name}>{props.label}</label>
      {props.hint && (
        <p id={`${props.name}-hint`} class="hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** Several choices under one legend, e.g. the localities an instructor can serve. */
export function CheckboxGroup(
  props: Omit<FieldProps, 'required'> & {
    options: { value: string; label: string }[];
    checked: readonly string[];
  },
) {
  const error = useFormState().errors[props.name];
  return (
    <fieldset
      class={error ? 'field field-invalid' : 'field'}
      aria-describedby={error ? `${props.name}-error` : undefined}
    >
      <legend>{props.label}</legend>
      {error && (
        <p id={`${props.name}-error`} class="field-error">
          {error}
        </p>
      )}
      {props.options.map((option) => (
        <div class="field-checkbox">
          <input
            id={`${props.name}-${option.value}`}
            name={props.name}
            type="checkbox"
            value={option.value}
            checked={props.checked.includes(option.value)}
          />
          <label for={`${props.name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function SelectField(
  props: FieldProps & {
    value?: string;
    /** The empty first choice; left out when one of the options is always chosen. */
    placeholder?: string;
    options: { value: string; label: string }[];
  },
) {
  return (
    <Field
      {...props}
      control={(aria) => (
        <select id={props.name} name={props.name} required={props.required} {...aria}>
          {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
          {props.options.map((option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/**
 * Shown above a form that came back with errors, as an alert so screen readers announce it. A
 * problem with the whole attempt (e.g. a wrong password) replaces the general text.
 */
export function ErrorSummary(props: Partial<FormFieldsContext> & { problem?: string }) {
  const context = useContext(FormContext);
  const errors = props.errors ?? context?.errors ?? {};
  const t = props.t ?? context?.t;
  if (!t) throw new Error('ErrorSummary needs t, or must be inside <FormFields>');
  const message =
    props.problem ?? (Object.keys(errors).length > 0 ? t('form.errorSummary') : undefined);
  if (!message) return null;
  return (
    <div class="error-summary" role="alert">
      <p>{message}</p>
    </div>
  );
}
