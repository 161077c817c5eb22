import type { FieldErrors } from '../../src/http/form';
import type { HeldPlace } from '../../src/features/privacy/erasure';
import type { TellBy } from '../../src/features/privacy/erasure-rules';
import type { MatchedApplication } from '../../src/features/privacy/person-match';
import type { Language, Translate } from '../../src/i18n';
import { courseTitle } from '../../src/i18n/format';
import type { OrganisationContact } from '../../src/features/organisation/queries';
import { formatPhoneForDisplay } from '../../src/lib/phone';
import { LetterPage, type PrintedLetter } from '../invites/letters';
import { CheckboxField, ErrorSummary, FormFields } from '../components/form-fields';

type PageContext = { t: Translate; language: Language };

const tellKeys = {
  email: 'privacy.erasure.tellEmail',
  letter: 'privacy.erasure.tellLetter',
  none: 'privacy.erasure.tellNone',
} as const;

/** The courses the person is still on, as one phrase for the refusal and the tick box. */
export function heldCourseNames(places: HeldPlace[], language: Language): string {
  return places
    .map((place) =>
      courseTitle(
        {
          program: { nameFi: place.programFi, nameSv: place.programSv, nameEn: place.programEn },
          localityName: place.locality,
        },
        language,
      ),
    )
    .join(', ');
}

/**
 * Before anything is erased: what goes, what stays, how the person will be told, and — while they
 * are on a course that has not ended — a box to withdraw them first (the erasure is refused
 * without it). `action` is where the form posts: the person's page or a deletion request.
 */
export function ErasureConfirmationPage(
  props: {
    name: string;
    action: string;
    cancelHref: string;
    applications: MatchedApplication[];
    heldPlaces: HeldPlace[];
    tellBy: TellBy;
    errors: FieldErrors;
  } & PageContext,
) {
  const { t, language, heldPlaces } = props;
  const courses = heldCourseNames(heldPlaces, language);
  return (
    <section id="erasure-confirmation" aria-labelledby="erasure-title">
      <h1 id="erasure-title">{t('privacy.erasure.title', { name: props.name })}</h1>
      <FormFields errors={props.errors} t={t}>
        <ErrorSummary />
        <h2>{t('privacy.erasure.removed')}</h2>
        <p>{t('privacy.erasure.removedList')}</p>
        <h2>{t('privacy.erasure.kept')}</h2>
        <p>{t('privacy.erasure.keptList')}</p>
        <h2>{t('privacy.erasure.applications')}</h2>
        <ul>
          {props.applications.map((application) => (
            <li>{t(`privacy.export.matched.${application.matchedBy}`, { id: application.id })}</li>
          ))}
        </ul>
        <p>{t(tellKeys[props.tellBy])}</p>
        <form method="post" action={props.action}>
          {heldPlaces.length > 0 && (
            <>
              <h2>{t('privacy.erasure.heldTitle')}</h2>
              <ul>
                {heldPlaces.map((place) => (
                  <li>
                    {t(`privacy.erasure.held.${place.state}`, {
                      course: heldCourseNames([place], language),
                    })}
                  </li>
                ))}
              </ul>
              <p>{t('privacy.erasure.heldHint')}</p>
              <CheckboxField
                name="withdrawFirst"
                value="yes"
                label={t('privacy.erasure.withdrawFirst', { courses })}
              />
            </>
          )}
          <p class="actions">
            <button type="submit" class="danger">
              {t('privacy.erasure.confirm')}
            </button>
            <a href={props.cancelHref}>{t('privacy.erasure.cancel')}</a>
          </p>
        </form>
      </FormFields>
    </section>
  );
}

/** After an erasure of a person without e-mail or address: their number, shown this once. */
export function ErasedTellByPhonePage(props: { phone: string } & PageContext) {
  const { t } = props;
  return (
    <section id="erasure-done" aria-labelledby="erasure-done-title">
      <h1 id="erasure-done-title">{t('privacy.erasure.doneTitle')}</h1>
      <p>
        {props.phone
          ? t('privacy.erasure.donePhone', { phone: formatPhoneForDisplay(props.phone) })
          : t('privacy.erasure.doneNoPhone')}
      </p>
      <p class="actions">
        <a href="/">{t('privacy.erasure.backHome')}</a>
      </p>
    </section>
  );
}

/**
 * After an erasure of a person without e-mail but with a postal address: the letter telling them,
 * to print now. The address was read before it was erased and lives only in this response.
 */
export function ErasedLetterPage(
  props: { letter: PrintedLetter; sender: OrganisationContact } & PageContext,
) {
  const { t } = props;
  return (
    <>
      <div class="no-print" id="erasure-done" role="status">
        <p>
          <strong>{t('privacy.erasure.doneTitle')}</strong>
        </p>
        <p>{t('privacy.erasure.doneLetter')}</p>
      </div>
      <LetterPage letter={props.letter} sender={props.sender} t={t} />
    </>
  );
}

/** On the person's page, for planning staff: their data to print or download, or to erase. */
export function PrivacyActions(props: { applicationId: number; t: Translate }) {
  const { t, applicationId } = props;
  return (
    <section id="person-privacy" aria-labelledby="person-privacy-title">
      <h2 id="person-privacy-title">{t('privacy.person.actions')}</h2>
      <p class="actions">
        <a href={`/people/${applicationId}/export`}>{t('privacy.person.exportLink')}</a>
        <a href={`/people/${applicationId}/erasure`}>{t('privacy.person.eraseLink')}</a>
      </p>
    </section>
  );
}
