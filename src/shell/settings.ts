/** The extension's settings, read when needed and clamped to what they may be. */
import * as vscode from 'vscode';
import { DEFAULT_NUDGE_AFTER_DAYS } from '../domain/outreach';
import { ASK_LIMITS, DEFAULT_SESSIONS } from '../domain/ask';

const config = () => vscode.workspace.getConfiguration('mentoring');

export const settings = {
  nudgeAfterDays: (): number => clampInt(config().get<number>('nudgeAfterDays'), 1, 365, DEFAULT_NUDGE_AFTER_DAYS),
  defaultSessions: (): number => clampInt(config().get<number>('defaultSessions'), ASK_LIMITS.sessions.min, ASK_LIMITS.sessions.max, DEFAULT_SESSIONS),
  syncEnabled: (): boolean => config().get<boolean>('sync', false) === true,
};

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}
