/** The builder's steps (kept apart from protocol.ts so activation does not load the validators). */
export const STEPS = ['assess', 'identify', 'ask'] as const;
export type Step = (typeof STEPS)[number];

export function isStep(value: unknown): value is Step {
  return typeof value === 'string' && (STEPS as readonly string[]).includes(value);
}
