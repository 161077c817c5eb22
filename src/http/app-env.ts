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
};

export type AppEnv = {
  /** Present when served by @hono/node-server; absent under app.request() in tests. */
  Bindings: { incoming?: IncomingMessage };
  Variables: {
    language: Language;
    t: Translate;
    user: SignedInUser | null;
    /** The notice shown on this page. */
    flash: Flash | null;
    /** The notice this response leaves for the next page. */
    flashForNextPage: Flash | null;
  };
};

/** What the app is built from; tests pass their own database file and clock. */
export type AppDeps = {
  db: import('../db').AppDatabase;
  config: import('../config').Config;
  clock: import('../lib/clock').Clock;
};
