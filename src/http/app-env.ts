import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import type { StaffRole } from '../../db/schema';
import type { Language, Translate } from '../i18n';
import type { Flash } from './flash';

export type SignedInUser = {
  id: number;
  name: string;
  email: string;
  role: StaffRole;
  /** The region whose lists this person sees by default ('' = every region). */
  homeRegion: string;
  sessionTokenHash: string;
  sessionExpiresAt: Date;
  /** Set by an admin's password reset: every staff page waits until a new password is chosen. */
  mustChangePassword: boolean;
};

/** The password was right but the two-step code (or enrolment) is still to come: not signed in. */
export type PendingSignIn = Omit<SignedInUser, 'role' | 'homeRegion' | 'sessionExpiresAt'> & {
  hasTwoStep: boolean;
  sessionCreatedAt: Date;
};

export type AppEnv = {
  /** Present when served by @hono/node-server; absent under app.request() in tests. */
  Bindings: { incoming?: IncomingMessage };
  Variables: {
    language: Language;
    t: Translate;
    user: SignedInUser | null;
    pendingSignIn: PendingSignIn | null;
    /** The notice shown on this page. */
    flash: Flash | null;
    /** The notice this response leaves for the next page. */
    flashForNextPage: Flash | null;
    /** What a valid form sent, as typed (cleaned), for a handler that must show the form again. */
    formValues: Record<string, string>;
  };
};

/**
 * The environment of a route whose access rule requires a signed-in user: the guard has checked
 * it, so `c.get('user')` is a user there, never null.
 */
export type SignedInEnv = {
  Bindings: AppEnv['Bindings'];
  Variables: Omit<AppEnv['Variables'], 'user'> & { user: SignedInUser };
};

/** Either kind of route: what pages shared by public and signed-in routes take. */
export type AnyEnv = AppEnv | SignedInEnv;

/**
 * A signed-in route's context is an app context whose user is known, so a helper shared by both
 * kinds of route may read it as the plain one (it never relies on the user being absent).
 */
export function asAppContext<Env extends AnyEnv>(c: Context<Env>): Context<AppEnv> {
  return c as unknown as Context<AppEnv>;
}

/** What the app is built from; tests pass their own database file and clock. */
export type AppParts = {
  db: import('../db').AppDatabase;
  config: import('../config').Config;
  clock: import('../lib/clock').Clock;
  /** Request lines go here when given (the server); tests leave it out. */
  logger?: import('pino').Logger;
};

/** What every feature's routes get: the parts, and what is derived from them once at start. */
export type AppDeps = AppParts & {
  mail: import('../features/invites/invitations').MailSettings;
};
