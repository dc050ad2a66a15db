/**
 * Send by Email: the `mailto:` link that opens the person's mail app with the request (RFC 6068), its subject
 * from the ask, and the contact address kept on the person. The extension sends nothing and makes no network
 * request: the mail app is where the person sends it. Pure: no `vscode` import.
 */
import { allowedActions } from './actions';
import type { Attempt, Journal } from './journal';
import { isPlausibleEmail } from './emailAddress';
import { ok, refuse, type Result } from './result';

export interface MailtoParts {
  /** The address; none: the mail app asks for one. */
  to?: string;
  subject: string;
  body: string;
}

/**
 * The `mailto:` URL for `parts`, every value percent-encoded as RFC 6068 asks (UTF-8; line breaks as CRLF), so
 * that &, ?, #, %, =, +, line breaks and any script arrive as written. The address keeps its @.
 */
export function mailtoUrl(parts: MailtoParts): string {
  const to = parts.to ? encodeURIComponent(parts.to).replace(/%40/g, '@') : '';
  const crlf = (s: string) => s.replace(/\r\n|\r|\n/g, '\r\n');
  return `mailto:${to}?subject=${encodeValue(crlf(parts.subject))}&body=${encodeValue(crlf(parts.body))}`;
}

/** encodeURIComponent, plus the characters it leaves that some mail apps read specially (RFC 3986 sub-delims). */
function encodeValue(text: string): string {
  return encodeURIComponent(wellFormed(text)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `text` with any lone surrogate (which no URL can carry) replaced by U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

const NUMBER_WORDS = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];

/**
 * The subject of the email for `attempt`: the ask in a few words, as a question — "Three sessions on financial
 * acumen?". A skill named with a capital only because it starts the name is lower-cased ("SQL tuning" stays).
 */
export function emailSubject(journal: Journal, attempt: Attempt): string {
  const n = attempt.ask.sessions;
  const count = `${NUMBER_WORDS[n] ?? String(n)} ${n === 1 ? 'session' : 'sessions'}`;
  const skill = journal.skills.find((s) => s.id === attempt.skillId)?.name.trim();
  if (!skill) return `${count}?`;
  const phrase = /^\p{Lu}\p{Ll}/u.test(skill) ? skill[0]!.toLowerCase() + skill.slice(1) : skill;
  return `${count} on ${phrase}?`;
}

/** Can `attempt` be sent by email now (its text is a request not yet sent)? The one rule is allowedActions. */
export function canEmail(attempt: Attempt): boolean {
  return allowedActions(attempt).email;
}

/** The journal with `email` kept as the contact address of person `personId` (trimmed). Refuses what is not one. */
export function setPersonEmail(journal: Journal, personId: string, email: string): Result<Journal> {
  const address = email.trim();
  const person = journal.people.find((p) => p.id === personId);
  if (!person) return refuse(`No person has the id "${personId}".`);
  if (!isPlausibleEmail(address)) return refuse(`"${address.slice(0, 80)}" is not an email address (such as sam@example.com).`);
  if (person.email === address) return ok(journal);
  return ok({ ...journal, people: journal.people.map((p) => (p.id === personId ? { ...p, email: address } : p)) });
}
