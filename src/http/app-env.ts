import type { IncomingMessage } from 'node:http';
import type { StaffRole } from '../../db/schema';
import type { Language, Translate } from '../i18n';
import type { Flash } from './flash';

export type SignedInUser = {
  id: number;
  name: string;
  email: string;
  role: StaffRole;
  sessionTokenHash: string;
  sessionExpiresAt: Date;
  /** Set by an admin's password reset: every staff page waits until a new password is chosen. */
  mustChangePassword: boolean;
};

/** The password was right but the two-step code (or enrolment) is still to come: not signed in. */
export type PendingSignIn = Omit<SignedInUser, 'role' | 'sessionExpiresAt'> & {
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

/** What the app is built from; tests pass their own database file and clock. */
export type AppParts = {
  db: import('../db').AppDatabase;
  config: import('../config').Config;
  clock: import('../lib/clock').Clock;
};

/** What every feature's routes get: the parts, and what is derived from them once at start. */
export type AppDeps = AppParts & {
  mail: import('../features/invites/invitations').MailSettings;
};
