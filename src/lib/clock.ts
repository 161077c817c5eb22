/** The current instant; injected so tests can move time (session expiry, throttling windows). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
