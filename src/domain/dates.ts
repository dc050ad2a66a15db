/**
 * Local calendar dates, and the one strict check of every date and date-time the journal holds.
 * The clock is always injected — nothing here reads the global time.
 *
 * Years: every date the journal holds is in 0001–9999 (four digits, as ISO 8601 writes them without
 * an expanded year). A Y-M-D is never turned into a time with `Date.UTC` or `new Date(y, m, d)`:
 * both read years 0–99 as 1900–1999. `utcMidnight` (setUTCFullYear) is used instead.
 */

/** Returns "now". Production passes `() => new Date()`; tests pass a fixed or movable clock. */
export type Clock = () => Date;

/** The first and last year of a date or date-time the journal accepts. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;
/** The last calendar date there is (the day after it has a five-digit year). */
export const LAST_DATE = '9999-12-31';

// ---------------------------------------------------------------------------------------------
// Validation (pure string checks: no Date, so no lenient parsing and no time zone)

/** A calendar date YYYY-MM-DD: a real day of a real month (leap years counted), year 0001–9999. */
export function isCalendarDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * A strict ISO 8601 / RFC 3339 date-time, the form of every time the journal holds (`event.at`,
 * `advocacy[].at`): `YYYY-MM-DDTHH:MM`, then optionally `:SS` and a fraction `.f` (1–9 digits), then
 * optionally `Z` or an offset `±HH:MM`. The date must be a calendar date (year 0001–9999), hours
 * 00–23, minutes and seconds 00–59 (no `24:00`, no leap second), offset hours 00–23. Upper-case
 * `T` and `Z` only. Without an offset the time is local, as `Date.parse` reads it.
 */
export function isIsoDateTime(s: unknown): s is string {
  if (typeof s !== 'string' || s.length > 40) return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?$/.exec(s);
  if (!m || !isYmd(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const below = (value: string | undefined, limit: number) => value === undefined || Number(value) < limit;
  return below(m[4], 24) && below(m[5], 60) && below(m[6], 60) && below(m[7], 24) && below(m[8], 60);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isYmd(y: number, mo: number, d: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

// ---------------------------------------------------------------------------------------------
// Arithmetic and display

/** The user's local calendar date of an instant, as YYYY-MM-DD (the year padded to four digits). */
export function localDate(instant: Date): string {
  return `${padYear(instant.getFullYear())}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to).getTime() - utcMidnight(from).getTime()) / 86_400_000);
}

// ---------------------------------------------------------------------------------------------
// Showing a date to a person: the one home of date display

/** A date YYYY-MM-DD as a person reads it, given their `today` (YYYY-MM-DD): "22 Dec", or "22 Dec 2027" in another year. */
export type ShortDate = (date: string, today: string) => string;

/**
 * How dates are shown in one display language. Stored and machine-read dates (the journal, JSON, .ics) stay
 * YYYY-MM-DD; everything a person reads (tree, tooltips, messages, pick lists, the builder, the Markdown export)
 * goes through one of these.
 */
export interface DateDisplay {
  /** The language asked for, as given ("en", "de", "zh-cn"…). */
  readonly language: string;
  /** Day and month, with the year only when it is not `today`'s: "22 Dec" / "22 Dec 2027"; "22. Dez." / "22. Dez. 2027". */
  readonly short: ShortDate;
  /** Always with the year, for what is read later (an export): "22 Dec 2026"; "22. Dez. 2026". */
  full(date: string): string;
  /** With the weekday and the year, to confirm a date just chosen: "Tue, 22 Dec 2026"; "Di., 22. Dez. 2026". */
  withWeekday(date: string): string;
}

type Style = 'dayMonth' | 'full' | 'weekday';
const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  dayMonth: { day: 'numeric', month: 'short' },
  full: { day: 'numeric', month: 'short', year: 'numeric' },
  weekday: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
};

/**
 * The dates of `language` (VS Code's display language, `vscode.env.language`). Plain "en" — what VS Code calls
 * English — is shown day-month ("22 Dec", as the extension always has), i.e. as en-GB; a regional English
 * ("en-us") keeps its own order. An unknown or malformed language falls back to that English.
 *
 * No Intl object is made here: each style's Intl.DateTimeFormat is made on its first use (making one costs
 * milliseconds, and the activation bundle imports this module), then kept. The calendar is proleptic Gregorian
 * in UTC, so no time zone moves a date; a year below 1000 is written with four digits ("0050").
 */
export function dateDisplay(language: string): DateDisplay {
  const formats = new Map<Style, Intl.DateTimeFormat>();
  const format = (style: Style, date: string): string => {
    let f = formats.get(style);
    if (!f) {
      f = makeFormat(language, STYLES[style]);
      formats.set(style, f);
    }
    if (!isCalendarDate(date)) return date;
    return f
      .formatToParts(utcMidnight(date))
      .map((p) => (p.type === 'year' ? date.slice(0, 4) : p.value))
      .join('');
  };
  return {
    language,
    short: (date, today) => format(today.slice(0, 4) === date.slice(0, 4) ? 'dayMonth' : 'full', date),
    full: (date) => format('full', date),
    withWeekday: (date) => format('weekday', date),
  };
}

function makeFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = language.trim().toLowerCase();
  const locale = tag === '' || tag === 'en' ? 'en-GB' : language.trim();
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC', calendar: 'gregory', numberingSystem: 'latn' });
  } catch {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC', calendar: 'gregory', numberingSystem: 'latn' });
  }
}

/** English dates ("15 Jan", "15 Jan 2027"): the default where no display language is given (tests, the domain alone). */
export const englishDates: DateDisplay = dateDisplay('en');

/** "15 Jan", or "15 Jan 2027" when the year differs from `today`'s (English; see `dateDisplay` for the person's language). */
export const shortDate: ShortDate = (date, today) => englishDates.short(date, today);

/**
 * Midnight UTC at the start of a date YYYY-MM-DD (any year, 0001–9999 included: setUTCFullYear,
 * never Date.UTC, which reads years 0–99 as 1900–1999). An unreadable part counts as 1970/1/1.
 */
export function utcMidnight(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(0);
  day.setUTCFullYear(Number.isFinite(y) ? (y as number) : 1970, Number.isFinite(m) ? (m as number) - 1 : 0, Number.isFinite(d) ? (d as number) : 1);
  return day;
}

function padYear(year: number): string {
  return year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
