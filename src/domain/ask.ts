/**
 * The bounded ask's limits — their one home. The journal's schema, drafting, the builder's protocol and
 * form, the keyboard flow, the settings and the command schemas all take them from here. No imports: the
 * webview bundle uses it too.
 */
export const ASK_LIMITS = {
  /** How many sessions a request may ask for. */
  sessions: { min: 1, max: 6 },
  /** How long each session may be, in minutes. */
  minutes: { min: 5, max: 480 },
  /** How many concrete topics a request names (fewer is not specific, more is not focused). */
  topics: { min: 2, max: 5 },
} as const;

export const DEFAULT_SESSIONS = 3;
export const DEFAULT_MINUTES = 45;
/** The lengths offered in the builder and the keyboard flow. */
export const MINUTE_CHOICES = [15, 20, 30, 45, 60, 90] as const;

export function isSessionCount(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= ASK_LIMITS.sessions.min && (n as number) <= ASK_LIMITS.sessions.max;
}

export function isSessionMinutes(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= ASK_LIMITS.minutes.min && (n as number) <= ASK_LIMITS.minutes.max;
}

/** True when the number of topics is in the asked-for range. */
export function isTopicCount(n: number): boolean {
  return n >= ASK_LIMITS.topics.min && n <= ASK_LIMITS.topics.max;
}
