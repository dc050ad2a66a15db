/**
 * Reading the date a person gave for "ask me again later": `2027-01-15`, "in 3 weeks", "next month",
 * "tomorrow", "15 Jan", "January"… into a local calendar date YYYY-MM-DD.
 *
 * Pure calendar arithmetic on year/month/day integers (days counted from 1970-01-01 with the
 * proleptic Gregorian calendar): no `Date` is ever built, so neither the time zone nor a DST change
 * can shift a result by a day. `today` is the user's local date (`localDate(clock())` in dates.ts).
 */
import { isCalendarDate } from './journal';
import { ok, refuse, type Result } from './result';

/** How far ahead an ask-again date may be. */
export const MAX_YEARS_AHEAD = 10;
const MAX_INPUT = 100;

const EXAMPLES = '2027-01-15, "15 Jan", "January", "in 3 weeks", "next month" or "tomorrow"';

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function monthLength(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Splits YYYY-MM-DD (assumed valid). */
export function splitDate(date: string): CalendarDate {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function formatDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function dayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The inverse of dayNumber (civil_from_days). */
export function fromDayNumber(n: number): CalendarDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function addDays(date: string, days: number): string {
  return formatDate(fromDayNumber(dayNumber(splitDate(date)) + days));
}

/** Adds calendar months, clamping to the month end: 2026-01-31 + 1 month = 2026-02-28. */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = splitDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatDate({ year: y, month: m, day: Math.min(day, monthLength(y, m)) });
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (((dayNumber(splitDate(date)) + 4) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------------------------
// Parsing

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  'a couple of': 2, couple: 2, 'a couple': 2,
};

const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY_RE = '(sun(?:day)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?)';
const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,? (\\d{4}))?';

const RELATIVE = new RegExp(`^(?:in )?(\\d{1,5}|[a-z]+(?: [a-z]+){0,2}) (day|week|fortnight|month|year)s?(?:'s?)?(?: time| from now| from today)?$`);
const DAY_MONTH = new RegExp(`^(?:on )?(?:the )?${ORDINAL} (?:of )?${MONTH_RE}${YEAR}$`);
const MONTH_DAY = new RegExp(`^(?:on )?${MONTH_RE} (?:the )?${ORDINAL}${YEAR}$`);
const MONTH_ONLY = new RegExp(`^(?:in )?(early |the start of |start of |the beginning of |beginning of |mid-|mid |the middle of |middle of |the end of |end of )?${MONTH_RE}${YEAR}$`);
const WEEKDAY = new RegExp(`^(next |this |on )?${WEEKDAY_RE}$`);

/**
 * Reads an ask-again date relative to `today` (the local date, YYYY-MM-DD). The result is always
 * after `today` and at most MAX_YEARS_AHEAD years later; anything else is refused with a reason.
 *
 * Accepted: `YYYY-MM-DD`; "tomorrow"; "in N days|weeks|months|years" (N a number or a word such as
 * "three", "a", "a couple of"; "3 weeks", "in 3 weeks' time", "3 weeks from now"); "in a fortnight";
 * "next week" (+7 days), "next month" (+1 month), "next year" (+1 year); "15 Jan", "January 15th",
 * "15 January 2027" (the next such day after today when the year is left out); "January", "in
 * January", "early January" (its 1st), "mid January" (15th), "end of January" (last day); a weekday
 * ("Friday", "on Friday": the next one after today). Months add by the calendar and clamp to the
 * month end (31 Jan + 1 month = 28 or 29 Feb). "next Friday" is refused as ambiguous.
 */
export function parseAskAgain(input: string, today: string): Result<string> {
  if (typeof today !== 'string' || !isCalendarDate(today)) return refuse(`Today's date "${String(today)}" is not a calendar date YYYY-MM-DD.`);
  if (typeof input !== 'string') return refuse(`Type a date such as ${EXAMPLES}.`);
  const text = input.trim().toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').replace(/\.$/, '');
  if (!text) return refuse(`Type a date such as ${EXAMPLES}.`);
  if (text.length > MAX_INPUT) return refuse(`That is too long for a date: type a date such as ${EXAMPLES}.`);
  const shown = input.trim();

  const candidate = read(text, today, shown);
  if (!candidate.ok) return candidate;
  return checkRange(candidate.value, today, shown);
}

function read(text: string, today: string, shown: string): Result<string> {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return isCalendarDate(text) ? ok(text) : refuse(`"${shown}" is not a date in the calendar (YYYY-MM-DD, e.g. 2027-01-15).`);
  }
  if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(text)) {
    return refuse(`"${shown}" could be read more than one way: write it as YYYY-MM-DD (e.g. 2027-01-15) or as "15 Jan".`);
  }
  if (text === 'today' || text === 'now') return refuse('The ask-again date must be after today.');
  if (text === 'tomorrow') return ok(addDays(today, 1));
  if (text === 'the day after tomorrow' || text === 'day after tomorrow') return ok(addDays(today, 2));

  const next = /^next (week|month|year)$/.exec(text);
  if (next) return ok(shift(today, 1, next[1]!));

  const relative = RELATIVE.exec(text);
  if (relative) {
    const n = /^\d+$/.test(relative[1]!) ? Number(relative[1]) : NUMBER_WORDS[relative[1]!];
    if (n === undefined) return refuse(`Could not read "${shown}" as a date: write the number in digits, e.g. "in 3 weeks".`);
    if (n < 1) return refuse('The ask-again date must be after today.');
    return ok(shift(today, n, relative[2]!));
  }

  const dayMonth = DAY_MONTH.exec(text);
  if (dayMonth) return dayOfMonth(Number(dayMonth[1]), monthIndex(dayMonth[2]!), dayMonth[3], today, shown);
  const monthDay = MONTH_DAY.exec(text);
  if (monthDay) return dayOfMonth(Number(monthDay[2]), monthIndex(monthDay[1]!), monthDay[3], today, shown);

  const monthOnly = MONTH_ONLY.exec(text);
  if (monthOnly) {
    const part = (monthOnly[1] ?? '').trim();
    const month = monthIndex(monthOnly[2]!);
    const pick = (year: number) => (/^(the )?end of$/.test(part) ? monthLength(year, month) : /^(mid-?|(the )?middle of)$/.test(part) ? 15 : 1);
    return nextOccurrence(month, pick, monthOnly[3], today, shown);
  }

  const day = WEEKDAY.exec(text);
  if (day) {
    const target = WEEKDAYS.findIndex((w) => w.startsWith(day[2]!.slice(0, 3)));
    const name = WEEKDAYS[target]!;
    const label = name[0]!.toUpperCase() + name.slice(1);
    if (day[1] === 'next ') {
      return refuse(`"${shown}" could mean this coming ${label} or the one after: type "${label}" for the next one, or a date such as "15 Jan".`);
    }
    const ahead = ((target - weekday(today) + 7) % 7) || 7;
    return ok(addDays(today, ahead));
  }

  return refuse(`Could not read "${shown}" as a date. Try ${EXAMPLES}.`);
}

function shift(today: string, n: number, unit: string): string {
  // Bounded so the arithmetic stays small; checkRange refuses anything this far anyway.
  const capped = Math.min(n, 100_000);
  switch (unit) {
    case 'day':
      return addDays(today, capped);
    case 'week':
      return addDays(today, 7 * capped);
    case 'fortnight':
      return addDays(today, 14 * capped);
    case 'month':
      return addMonths(today, capped);
    default:
      return addYears(today, capped);
  }
}

function monthIndex(token: string): number {
  return MONTHS.findIndex((m) => m.startsWith(token.slice(0, 3))) + 1;
}

function dayOfMonth(day: number, month: number, yearText: string | undefined, today: string, shown: string): Result<string> {
  const name = MONTH_NAMES[month - 1]!;
  if (day < 1 || day > 31 || (month !== 2 && day > monthLength(2000, month)) || (month === 2 && day > 29)) {
    return refuse(`${name} has no day ${day}.`);
  }
  return nextOccurrence(month, () => day, yearText, today, shown);
}

/** The first date in `month` (day chosen per year) after today; or in the given year. */
function nextOccurrence(month: number, dayFor: (year: number) => number, yearText: string | undefined, today: string, shown: string): Result<string> {
  const name = MONTH_NAMES[month - 1]!;
  if (yearText !== undefined) {
    const year = Number(yearText);
    const day = dayFor(year);
    if (day > monthLength(year, month)) return refuse(`${name} ${year} has no day ${day}.`);
    const date = formatDate({ year, month, day });
    return date > today ? ok(date) : refuse(`"${shown}" is not after today (${today}).`);
  }
  const thisYear = splitDate(today).year;
  // Up to 8 years: 29 February may be that far away (e.g. 2097 → 2104).
  for (let year = thisYear; year <= thisYear + 8; year++) {
    const day = dayFor(year);
    if (day > monthLength(year, month)) continue;
    const date = formatDate({ year, month, day });
    if (date > today) return ok(date);
  }
  return refuse(`"${shown}" is not a date in the next few years.`);
}

function checkRange(date: string, today: string, shown: string): Result<string> {
  // Past 9999-12-31 the year has five digits: no longer a date a journal can hold (nor compare as text).
  if (!isCalendarDate(date)) return refuse(`"${shown}" is after 9999-12-31, the last date a journal can hold: pick a nearer date.`);
  if (date <= today) return refuse(`"${shown}" is not after today (${today}): the ask-again date must be in the future.`);
  const latest = addYears(today, MAX_YEARS_AHEAD);
  // (When today + 10 years is past 9999-12-31, every calendar date is near enough; text order needs equal lengths.)
  if (isCalendarDate(latest) && date > latest) return refuse(`"${shown}" is more than ${MAX_YEARS_AHEAD} years away: pick a nearer date.`);
  return ok(date);
}


