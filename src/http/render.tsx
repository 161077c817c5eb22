import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { jsxRenderer } from 'hono/jsx-renderer';
import type { DatabaseOrTransaction } from '../db';
import { organisationContact, type OrganisationContact } from '../features/organisation/queries';
import { defaultLanguage, translatorFor } from '../i18n';
import { FlashRegion } from '../../views/components/flash-region';
import { ErrorPage, type ErrorStatus } from '../../views/errors/error-page';
import { Layout } from '../../views/layout';
import type { AppEnv } from './app-env';
import { isHtmxRequest } from './htmx';

declare module 'hono' {
  interface ContextRenderer {
    (content: string | Promise<string>, props: { title: string }): Response | Promise<Response>;
  }
}

function currentReturnPath(c: Context<AppEnv>): string {
  if (c.req.method !== 'GET') return '/';
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
}

/**
 * Every page goes through here: a normal request gets the whole layout, an htmx request only the
 * page's content plus the flash region swapped out of band.
 */
export const pageRenderer = jsxRenderer<AppEnv>(
  ({ children, title }, context) => {
    const c = context as Context<AppEnv>;
    const language = c.get('language') ?? defaultLanguage;
    const t = c.get('t') ?? translatorFor(language);
    c.header('Vary', 'HX-Request, Cookie, Accept-Language');
    if (isHtmxRequest(c)) {
      return (
        <>
          <FlashRegion flash={c.get('flash') ?? null} t={t} outOfBand />
          {children}
        </>
      );
    }
    return (
      <Layout
        title={title}
        language={language}
        t={t}
        user={c.get('user') ?? null}
        flash={c.get('flash') ?? null}
        path={c.req.path}
        returnTo={currentReturnPath(c)}
      >
        {children}
      </Layout>
    );
  },
  (c) => ({ docType: !isHtmxRequest(c) }),
);

function errorStatusFor(status: number): ErrorStatus {
  if (status === 403 || status === 404 || status === 413 || status === 503) return status;
  if (status >= 400 && status < 500) return 400;
  return 500;
}

/** The contact an error page offers; a database that fails here must not hide the error page. */
function contactForErrorPage(db: DatabaseOrTransaction): OrganisationContact | null {
  try {
    return organisationContact(db);
  } catch (error) {
    console.error('The organisation contact could not be read for an error page:', error);
    return null;
  }
}

async function renderErrorPage(
  c: Context<AppEnv>,
  db: DatabaseOrTransaction,
  status: number,
): Promise<Response> {
  const t = c.get('t') ?? translatorFor(defaultLanguage);
  const page = errorStatusFor(status);
  c.status(page === 400 ? (status as 400) : page);
  return c.render(<ErrorPage status={page} contact={contactForErrorPage(db)} t={t} />, {
    title: t(`error.${page}.title`),
  });
}

export function notFoundRenderer(db: DatabaseOrTransaction): NotFoundHandler<AppEnv> {
  return (c) => renderErrorPage(c, db, 404);
}

export function errorRenderer(db: DatabaseOrTransaction): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return renderErrorPage(c, db, error.status);
    }
    // Another process held the write lock longer than the busy timeout: the transaction was
    // rolled back whole, so the honest answer is "busy, send again", not a failure.
    if (isDatabaseBusy(error)) {
      c.header('Retry-After', '1');
      return renderErrorPage(c, db, 503);
    }
    console.error(`Unexpected error on ${c.req.method} ${c.req.path}:`, error);
    return renderErrorPage(c, db, 500);
  };
}

function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
