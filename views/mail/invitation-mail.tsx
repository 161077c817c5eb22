import type { MailSection } from '../../src/features/invites/invitation-mail';
import type { Language } from '../../src/i18n';

/** The HTML part of an invitation: the same sections as the text part, escaped by JSX. */
export function InvitationMailHtml(props: {
  subject: string;
  sections: MailSection[];
  language: Language;
}) {
  return (
    <html lang={props.language}>
      <head>
        <meta charset="utf-8" />
        <title>{props.subject}</title>
      </head>
      <body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1b1f24">
        {props.sections.map((section) => (
          <div style="margin-bottom: 1em">
            {section.heading && <p style="font-weight: bold; margin: 0">{section.heading}</p>}
            {section.lines.map((line) => (
              <p style="margin: 0">{line}</p>
            ))}
          </div>
        ))}
      </body>
    </html>
  );
}

export function renderInvitationHtml(
  subject: string,
  sections: MailSection[],
  language: Language,
): string {
  return `<!DOCTYPE html>${(<InvitationMailHtml subject={subject} sections={sections} language={language} />).toString()}`;
}
