import type { Child } from 'hono/jsx';
import type { SignedInUser } from '../src/http/app-env';
import type { Flash } from '../src/http/flash';
import { languageNames, languages, type Language, type Translate } from '../src/i18n';
import { FlashRegion } from './components/flash-region';
import { isCurrentSection, navigationFor } from './navigation';

/** htmx 2 swaps only 2xx by default; our forms answer 422/401/429 with the re-rendered form. */
const htmxConfig = {
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '(422|401|429)', swap: true, error: false },
    { code: '[45]..', swap: false, error: true },
  ],
  includeIndicatorStyles: false,
  allowEval: false,
};

export type LayoutProps = {
  title: string;
  language: Language;
  t: Translate;
  user: SignedInUser | null;
  flash: Flash | null;
  path: string;
  returnTo: string;
  children: Child;
};

function Navigation(props: { user: SignedInUser | null; t: Translate; path: string }) {
  const items = navigationFor(props.user?.role);
  if (items.length === 0) return null;
  return (
    <nav aria-label={props.t('layout.mainNavigation')}>
      <ul class="nav-list">
        {items.map((item) => (
          <li>
            <a
              href={item.href}
              aria-current={isCurrentSection(item, props.path) ? 'page' : undefined}
            >
              {props.t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LanguageSwitch(props: { language: Language; t: Translate; returnTo: string }) {
  return (
    <form method="post" action="/language" class="language-switch">
      <input type="hidden" name="returnTo" value={props.returnTo} />
      <fieldset>
        <legend class="visually-hidden">{props.t('layout.languageSwitch')}</legend>
        {languages
          .filter((language) => language !== props.language)
          .map((language) => (
            <button type="submit" name="language" value={language} lang={language}>
              {languageNames[language]}
            </button>
          ))}
      </fieldset>
    </form>
  );
}

function AccountMenu(props: { user: SignedInUser; t: Translate }) {
  return (
    <div class="account">
      <span>
        {props.t('layout.signedInAs', {
          name: props.user.name,
          role: props.t(`role.${props.user.role}`),
        })}
      </span>
      <a href="/account">{props.t('nav.account')}</a>
      <form method="post" action="/sign-out">
        <button type="submit">{props.t('nav.signOut')}</button>
      </form>
    </div>
  );
}

export function Layout(props: LayoutProps) {
  const { t } = props;
  return (
    <html lang={props.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${t('app.name')}`}</title>
        <meta name="htmx-config" content={JSON.stringify(htmxConfig)} />
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/htmx.min.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {t('app.name')}
          </a>
          {!props.user && (
            <a
              class="front-page-link"
              href="/"
              aria-current={props.path === '/' ? 'page' : undefined}
            >
              {t('layout.frontPage')}
            </a>
          )}
          <Navigation user={props.user} t={t} path={props.path} />
          <div class="header-tools">
            <LanguageSwitch language={props.language} t={t} returnTo={props.returnTo} />
            {props.user && <AccountMenu user={props.user} t={t} />}
          </div>
        </header>
        <FlashRegion flash={props.flash} t={t} />
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{t('app.tagline')}</p>
          <ul class="footer-links">
            <li>
              <a href="/apply">{t('layout.apply')}</a>
            </li>
            <li>
              <a href="/referrals">{t('layout.refer')}</a>
            </li>
            <li>
              <a href="/nominations">{t('layout.nominate')}</a>
            </li>
            <li>
              <a href="/instructor-applications">{t('layout.becomePeer')}</a>
            </li>
            <li>
              <a href="/privacy">{t('privacyNotice.footerLink')}</a>
            </li>
          </ul>
        </footer>
      </body>
    </html>
  );
}
