import type { Translate } from '../../src/i18n';
import { ErrorSummary, TextField, type FieldErrors, FormFields } from '../components/form-fields';

export type EnrolmentState = {
  /** Where the confirmation code is posted. */
  action: string;
  next?: string;
  secret: string;
  qrImage: string;
  errors: FieldErrors;
};

/** The code field of every two-step form: digits on phones, filled in by password managers. */
export function TwoStepCodeField(props: { label: string; hint?: string }) {
  return (
    <TextField
      name="code"
      label={props.label}
      hint={props.hint}
      autocomplete="one-time-code"
      required
    />
  );
}

/** The QR code, the same secret as text for typing in by hand, and the code that confirms it. */
export function TwoStepEnrolment(props: EnrolmentState & { t: Translate }) {
  const { t } = props;
  return (
    <section id="two-step-enrolment" class="narrow">
      <h1>{t('twoStep.enrolTitle')}</h1>
      <ol>
        <li>{t('twoStep.enrolStepApp')}</li>
        <li>{t('twoStep.enrolStepScan')}</li>
        <li>{t('twoStep.enrolStepCode')}</li>
      </ol>
      <img class="qr-code" src={props.qrImage} alt={t('twoStep.qrAlt')} width={220} height={220} />
      <p>
        <label for="totp-secret">{t('twoStep.secretLabel')}</label>
        <input id="totp-secret" type="text" readonly value={props.secret} />
      </p>
      <ErrorSummary errors={props.errors} t={t} />
      <form method="post" action={props.action} novalidate>
        <FormFields errors={props.errors} t={t}>
          {props.next !== undefined && <input type="hidden" name="next" value={props.next} />}
          <TwoStepCodeField label={t('twoStep.appCode')} />
          <button type="submit">{t('twoStep.confirm')}</button>
        </FormFields>
      </form>
    </section>
  );
}

/** Shown once, right after two-step sign-in is turned on. */
export function RecoveryCodes(props: { codes: string[]; continueHref: string; t: Translate }) {
  const { t } = props;
  return (
    <section class="narrow">
      <h1>{t('twoStep.enabledTitle')}</h1>
      <div role="status">
        <p>{t('twoStep.recoveryIntro')}</p>
      </div>
      <ul id="recovery-codes" class="recovery-codes">
        {props.codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href={props.continueHref}>{t('twoStep.continue')}</a>
      </p>
    </section>
  );
}
