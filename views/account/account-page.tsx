import { languageEndonyms, languages, type Language, type Translate } from '../../src/i18n';
import { formatDateTime } from '../../src/i18n/format';
import type { SignedInUser } from '../../src/http/app-env';
import { TwoStepCodeField } from './two-step-parts';
import {
  ErrorSummary,
  SelectField,
  TextField,
  type FieldErrors,
  FormFields,
} from '../components/form-fields';
import { regionOptions } from '../components/region-filter';

export type OwnSession = {
  createdAt: Date;
  lastSeenAt: Date;
  /** Already shortened, e.g. "Firefox 128, Windows". */
  browser: string;
  address: string;
  current: boolean;
};

export type TwoStepStatus = {
  enabledAt: Date | null;
  unusedRecoveryCodes: number;
  required: boolean;
};

type Props = {
  user: SignedInUser;
  sessions: OwnSession[];
  twoStep: TwoStepStatus;
  removalErrors: FieldErrors;
  removalProblem?: string;
  /** The regions of the localities, for the home region choice. */
  regions: string[];
  regionErrors: FieldErrors;
  language: Language;
  /** The language of what this person is sent (invitations, minutes, the calendar feed). */
  messageLanguage: Language;
  t: Translate;
};

function TwoStepSection(props: Props) {
  const { t, twoStep } = props;
  if (!twoStep.enabledAt) {
    return (
      <section aria-labelledby="two-step-title">
        <h2 id="two-step-title">{t('twoStep.title')}</h2>
        <p>{twoStep.required ? t('twoStep.offButRequired') : t('twoStep.off')}</p>
        <form method="post" action="/account/two-step/enrolment">
          <button type="submit">{t('twoStep.start')}</button>
        </form>
      </section>
    );
  }
  return (
    <section aria-labelledby="two-step-title">
      <h2 id="two-step-title">{t('twoStep.title')}</h2>
      <p>
        {t('twoStep.on', {
          since: formatDateTime(twoStep.enabledAt, props.language),
          count: twoStep.unusedRecoveryCodes,
        })}
      </p>
      {twoStep.required ? (
        <p>{t('twoStep.requiredCannotRemove')}</p>
      ) : (
        <form id="two-step-removal" method="post" action="/account/two-step/removal" novalidate>
          <FormFields errors={props.removalErrors} t={t}>
            <h3>{t('twoStep.removeTitle')}</h3>
            <ErrorSummary problem={props.removalProblem} />
            <TextField
              name="password"
              type="password"
              label={t('account.currentPassword')}
              autocomplete="current-password"
              required
            />
            <TwoStepCodeField label={t('twoStep.appCode')} />
            <button type="submit" class="danger">
              {t('twoStep.remove')}
            </button>
          </FormFields>
        </form>
      )}
    </section>
  );
}

export function SessionTable(props: { sessions: OwnSession[]; language: Language; t: Translate }) {
  const { t } = props;
  return (
    <div class="table-scroll" role="region" aria-labelledby="sessions-caption" tabindex={0}>
      <table id="session-table">
        <caption id="sessions-caption">{t('account.sessionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('account.browser')}</th>
            <th scope="col">{t('account.address')}</th>
            <th scope="col">{t('account.startedAt')}</th>
            <th scope="col">{t('account.lastSeenAt')}</th>
          </tr>
        </thead>
        <tbody>
          {props.sessions.map((session) => (
            <tr class={session.current ? 'current-session' : undefined}>
              <td data-label={t('account.browser')}>
                {session.browser || t('account.unknownBrowser')}
                {session.current && <strong> ({t('account.thisSession')})</strong>}
              </td>
              <td data-label={t('account.address')}>{session.address}</td>
              <td data-label={t('account.startedAt')}>
                {formatDateTime(session.createdAt, props.language)}
              </td>
              <td data-label={t('account.lastSeenAt')}>
                {formatDateTime(session.lastSeenAt, props.language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Whose lists one sees first; shown only when the localities have regions to choose from. */
function HomeRegionSection(props: Props) {
  const { t } = props;
  if (props.regions.length === 0 && props.user.homeRegion === '') return null;
  const regions = regionOptions(props.regions, props.user.homeRegion);
  return (
    <section aria-labelledby="home-region-title">
      <h2 id="home-region-title">{t('region.home')}</h2>
      <form method="post" action="/account/home-region" novalidate>
        <FormFields errors={props.regionErrors} t={t}>
          <SelectField
            name="homeRegion"
            label={t('region.home')}
            hint={t('region.homeHint')}
            value={props.user.homeRegion}
            placeholder={t('region.all')}
            options={regions.map((region) => ({ value: region, label: region }))}
          />
          <button type="submit">{t('region.save')}</button>
        </FormFields>
      </form>
    </section>
  );
}

/** The language of one's mail and calendar texts, whatever language the sender uses. */
function MessageLanguageSection(props: Props) {
  const { t } = props;
  return (
    <section aria-labelledby="message-language-title">
      <h2 id="message-language-title">{t('account.languageTitle')}</h2>
      <form method="post" action="/account/language" novalidate>
        <FormFields errors={{}} t={t}>
          <SelectField
            name="language"
            label={t('account.languageLabel')}
            hint={t('account.languageHint')}
            value={props.messageLanguage}
            options={languages.map((code) => ({ value: code, label: languageEndonyms[code] }))}
          />
          <button type="submit">{t('account.languageSave')}</button>
        </FormFields>
      </form>
    </section>
  );
}

export function AccountPage(props: Props) {
  const { t, user } = props;
  return (
    <section id="account-page">
      <h1>{t('account.title')}</h1>
      <dl class="details">
        <dt>{t('users.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('users.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('users.role')}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
      </dl>

      <HomeRegionSection {...props} />
      <MessageLanguageSection {...props} />

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t('account.passwordTitle')}</h2>
        <p>
          <a href="/account/password">{t('account.changePassword')}</a>
        </p>
      </section>

      <TwoStepSection {...props} />

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('account.sessionsTitle')}</h2>
        <SessionTable sessions={props.sessions} language={props.language} t={t} />
        <form method="post" action="/account/sessions/ending">
          <button type="submit" class="secondary">
            {t('account.signOutEverywhere')}
          </button>
        </form>
      </section>
    </section>
  );
}
