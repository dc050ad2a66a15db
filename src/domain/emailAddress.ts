/**
 * A person's contact address (the journal's optional `email` on a person): what counts as a plausible address.
 * Plausible, not proven: the mail app is the judge of deliverability; this keeps out what is clearly not an
 * address (a name, a sentence, a URL, two addresses) and what a `mailto:` link could not carry. Pure, no imports
 * (the journal's schema uses it).
 */

/** The longest address SMTP can carry (RFC 5321: 254 characters in a path, 64 in the local part). */
export const EMAIL_MAX_LENGTH = 254;
const LOCAL_MAX_LENGTH = 64;

// The local part: RFC 5322 dot-atom (atext, dots between), letters of any script allowed (RFC 6531).
const ATEXT = String.raw`[\p{L}\p{N}!#$%&'*+/=?^_\x60{|}~-]`;
const LOCAL_RE = new RegExp(`^${ATEXT}+(?:\\.${ATEXT}+)*$`, 'u');
// The domain: two or more labels of letters, digits and inner hyphens; the last one letters (or a punycode label).
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const DOMAIN_RE = new RegExp(`^(?:${LABEL}\\.)+(?:\\p{L}{2,63}|xn--[a-z0-9-]{1,59})$`, 'iu');

/** True when `text` is a plausible email address (no surrounding spaces, one @, a dotted domain, within the limits). */
export function isPlausibleEmail(text: string): boolean {
  if (text.length === 0 || text.length > EMAIL_MAX_LENGTH) return false;
  const at = text.lastIndexOf('@');
  if (at <= 0 || at !== text.indexOf('@')) return false;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  return local.length <= LOCAL_MAX_LENGTH && LOCAL_RE.test(local) && DOMAIN_RE.test(domain);
}
