import type { MailSection } from '../../src/features/invites/invitation-mail';
import type { LetterToPrint } from '../../src/features/invites/queries';
import type { OrganisationContact } from '../../src/features/organisation/queries';
import type { Language, Translate } from '../../src/i18n';
import { courseTitle, programNamesOf } from '../../src/i18n/format';

export type LetterRow = LetterToPrint;

/** The value a "posted" button sends: the letter and the change it told of. */
const postedValue = (letter: LetterRow) => `${letter.id}:${letter.sentSequence}`;

/** A form that marks letters posted; the list comes back in place with htmx, the page without. */
function PostedForm(props: { letters: LetterRow[]; children: unknown; class?: string }) {
  return (
    <form
      method="post"
      action="/letters/posting"
      hx-post="/letters/posting"
      hx-target="#letters"
      hx-swap="outerHTML"
      class={props.class}
    >
      {props.letters.map((letter) => (
        <input type="hidden" name="letters" value={postedValue(letter)} />
      ))}
      {props.children}
    </form>
  );
}

/**
 * On the coordinator's home page: letters due to people without e-mail, each printable and marked
 * posted when it goes in the mail. A later change to the course brings the letter back.
 */
export function LettersToPrint(props: {
  letters: LetterRow[];
  t: Translate;
  language: Language;
  /** Said once after marking, in the list itself (the htmx answer has no page around it). */
  notice?: string;
}) {
  const { t, language } = props;
  return (
    <section id="letters" aria-labelledby="letters-title">
      <h2 id="letters-title">{t('letters.title')}</h2>
      {props.notice && (
        <p class="hint" role="status">
          {props.notice}
        </p>
      )}
      {props.letters.length === 0 ? (
        <p>{t('letters.none')}</p>
      ) : (
        <>
          <p>{t('letters.intro')}</p>
          <ul class="letter-list">
            {props.letters.map((letter) => (
              <li data-letter-id={letter.id}>
                <a href={`/letters/${letter.id}`}>
                  {t('letters.open', {
                    name: letter.name,
                    course: courseTitle(
                      {
                        program: programNamesOf(letter),
                        localityName: letter.localityName,
                      },
                      language,
                    ),
                  })}
                </a>{' '}
                <span class="hint">
                  ({t(`letters.kind.${letter.kind}`)}
                  {!letter.hasAddress && `, ${t('letters.noAddressShort')}`})
                </span>
                <PostedForm letters={[letter]} class="letter-posted">
                  <button type="submit" class="secondary">
                    {t('letters.markPosted')}
                    <span class="visually-hidden">: {letter.name}</span>
                  </button>
                </PostedForm>
              </li>
            ))}
          </ul>
          {props.letters.length > 1 && (
            <PostedForm letters={props.letters}>
              <button type="submit" class="secondary">
                {t('letters.markAllPosted')}
              </button>
            </PostedForm>
          )}
        </>
      )}
    </section>
  );
}

export type PrintedLetter = {
  subject: string;
  sections: MailSection[];
  recipientName: string;
  /** Street, then postcode and post office; empty when the address is not known. */
  addressLines: string[];
  /** Why there is no address block, when there is none. */
  missingAddress: 'instructor' | 'not-given' | null;
  /** Today, already formatted for the letter's language. */
  date: string;
};

/**
 * An A4 letter for a C5/DL window envelope. In print the sender's return address and the
 * recipient's address sit where the window is (see `.letter-head` in app.css); the page chrome
 * and the hints are left out.
 */
export function LetterPage(props: {
  letter: PrintedLetter;
  sender: OrganisationContact;
  t: Translate;
}) {
  const { letter, sender, t } = props;
  const returnAddress = [
    sender.name,
    sender.streetAddress,
    [sender.postcode, sender.postOffice].filter(Boolean).join(' '),
  ].filter(Boolean);
  return (
    <article class="letter">
      <p class="no-print hint">{t('letters.print')}</p>
      {letter.missingAddress && (
        <p class="no-print hint" id="letter-address-note">
          {t(
            letter.missingAddress === 'instructor'
              ? 'letter.noAddressInstructor'
              : 'letter.noAddress',
          )}
        </p>
      )}
      <div class="letter-head">
        {returnAddress.length > 0 && (
          <p class="letter-return-address">{returnAddress.join(', ')}</p>
        )}
        {letter.addressLines.length > 0 && (
          <address class="letter-address">
            <span>{letter.recipientName}</span>
            {letter.addressLines.map((line) => (
              <span>{line}</span>
            ))}
          </address>
        )}
        <p class="letter-date">
          <span class="visually-hidden">{t('letter.date')}: </span>
          {letter.date}
        </p>
      </div>
      <h1>{letter.subject}</h1>
      {letter.sections.map((section) => (
        <div class="letter-section">
          {section.heading && <h2>{section.heading}</h2>}
          {section.lines.map((line) => (
            <p>{line}</p>
          ))}
        </div>
      ))}
    </article>
  );
}
