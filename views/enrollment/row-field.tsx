import type { Translate } from '../../src/i18n';

/** The label, hint and error of one field in a repeated row form, wired to its control by id. */
function RowFieldFrame(props: {
  id: string;
  label: string;
  t: Translate;
  error?: string;
  hint?: string;
  required?: boolean;
  children: unknown;
}) {
  const { id, error, hint, t } = props;
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>
        {props.label}
        {props.required && <span class="required"> {t('form.required')}</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
      {props.children}
    </div>
  );
}

const describedByOf = (id: string, hint?: string, error?: string) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

/**
 * A labelled field for pages that repeat one small form per row (a roster, a decision list): the
 * shared field components use the field name as the id, which would repeat on such a page, so
 * these take an id of their own. Same markup and wiring of hint and error as the shared ones.
 */
export function RowField(props: {
  id: string;
  name: string;
  label: string;
  t: Translate;
  value?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'number';
  min?: number;
  max?: number;
  maxlength?: number;
}) {
  const { id, error, hint } = props;
  return (
    <RowFieldFrame {...props}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        min={props.min}
        max={props.max}
        maxlength={props.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedByOf(id, hint, error)}
      />
    </RowFieldFrame>
  );
}

/** A labelled list to choose from, for the same repeated forms as RowField. */
export function RowSelect(props: {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  t: Translate;
  value?: string;
  error?: string;
  required?: boolean;
}) {
  const { id, error } = props;
  return (
    <RowFieldFrame {...props}>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedByOf(id, undefined, error)}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === (props.value ?? '')}>
            {option.label}
          </option>
        ))}
      </select>
    </RowFieldFrame>
  );
}

/** Which of a page's repeated forms came back invalid, with its messages and typed values. */
export type InvalidRowForm = {
  form: string;
  errors: Partial<Record<string, string>>;
  values: Record<string, string>;
};
