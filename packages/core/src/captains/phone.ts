/**
 * Mainland China phone numbers of floor captains: validation with a normal form, and masking for
 * public display (DESIGN §7: `138****1234`).
 * @module
 */
import type { Locale } from '../names.js';

/** What kind of number a valid phone is. */
export type PhoneKind = 'mobile' | 'landline';

/** Why a phone number was refused. */
export type PhoneProblem = 'empty' | 'masked' | 'format' | 'area-code';

/** The outcome of {@link validatePhone}. */
export type PhoneCheck =
  | { ok: true; phone: string; kind: PhoneKind }
  | { ok: false; problem: PhoneProblem; message: string };

const TEXT = {
  'zh-CN': {
    empty: '请填写联系电话',
    masked: '这是打码后的号码（如 138****1234），请填写完整号码',
    format: '电话号码格式不对：手机为 1 开头的 11 位数字，座机为区号加 7–8 位号码（如 0351-7654321）',
    'area-code': '座机号码需要区号（如 0351-7654321）',
  },
  en: {
    empty: 'Enter a phone number',
    masked: 'This is a masked number (like 138****1234); enter the full number',
    format: 'Not a mainland phone number: a mobile has 11 digits starting with 1, a landline an area code and 7–8 digits (0351-7654321)',
    'area-code': 'A landline number needs its area code (0351-7654321)',
  },
} as const satisfies Record<Locale, Record<PhoneProblem, string>>;

const MOBILE = /^1[3-9]\d{9}$/;
// Two-digit area codes (after the trunk 0): Beijing 10 and 20–29; every other code has three digits.
const SHORT_AREA = /^0(?:10|2\d)/;
const LOCAL = /^[2-9]\d{6,7}$/;
const MASKED = /\*{3,}/;

/**
 * Checks a mainland China phone number and returns it in a normal form: a mobile as its 11
 * digits, a landline as `area-local` (`0351-7654321`), an extension appended with `-`. Accepted
 * input: spaces, dashes, dots and brackets anywhere; `+86`, `0086` or `86` before a mobile or an
 * area code; an extension after `转`, `ext`, `x` or `#`. Refused: numbers without an area code,
 * masked numbers, service numbers (400/800) and anything that is not a mainland number.
 * @example
 * validatePhone('138 1234 1234');   // { ok: true, phone: '13812341234', kind: 'mobile' }
 * validatePhone('+86 351 7654321');  // { ok: true, phone: '0351-7654321', kind: 'landline' }
 * validatePhone('(010)88881234转12'); // { ok: true, phone: '010-88881234-12', kind: 'landline' }
 * validatePhone('1234567');          // { ok: false, problem: 'area-code', message: '座机号码需要区号…' }
 */
export function validatePhone(input: string, locale: Locale = 'zh-CN'): PhoneCheck {
  const refuse = (problem: PhoneProblem): PhoneCheck => ({ ok: false, problem, message: TEXT[locale][problem] });
  const text = input.normalize('NFKC').trim();
  if (text === '') return refuse('empty');
  if (MASKED.test(text)) return refuse('masked');
  const ext = /^(.*?)(?:\s*(?:转|ext\.?|x|#)\s*|-)(\d{1,6})$/i.exec(text);
  // A trailing "-123" is an extension only after a complete landline; try the whole text first.
  const whole = parseNumber(text);
  if (whole !== undefined) return { ok: true, ...whole };
  if (ext !== null) {
    const base = parseNumber(ext[1] ?? '');
    if (base?.kind === 'landline') return { ok: true, phone: `${base.phone}-${ext[2] ?? ''}`, kind: 'landline' };
  }
  const digits = text.replace(/[\s().\-–—]/g, '');
  if (/^\d{7,8}$/.test(digits) && LOCAL.test(digits)) return refuse('area-code');
  return refuse('format');
}

const AREA = /^0(?:10|2\d|[3-9]\d{2})$/;

function parseNumber(text: string): { phone: string; kind: PhoneKind } | undefined {
  if (!/^[+\d\s().\-–—]+$/.test(text)) return undefined;
  let rest = text.replace(/[()]/g, ' ').trim();
  const cc = /^(?:\+\s*86|0086)/.exec(rest);
  if (cc !== null) rest = rest.slice(cc[0].length);
  const groups = rest.split(/[\s.\-–—]+/).filter((g) => g !== '');
  if (!groups.every((g) => /^\d+$/.test(g))) return undefined;
  const digits = groups.join('');
  if (cc === null && /^86\d{11}$/.test(digits) && MOBILE.test(digits.slice(2))) return { phone: digits.slice(2), kind: 'mobile' };
  if (MOBILE.test(digits)) return { phone: digits, kind: 'mobile' };
  // After a country code the trunk 0 is dropped: +86 351 7654321 is 0351-7654321.
  const trunk = (g: string): string => (cc !== null && !g.startsWith('0') ? `0${g}` : g);
  const national = trunk(digits);
  if (!national.startsWith('0')) return undefined;
  // Where a person put a separator after the area code, it says where the code ends.
  const first = trunk(groups[0] ?? '');
  if (groups.length >= 2 && AREA.test(first)) {
    const local = groups.slice(1).join('');
    return LOCAL.test(local) ? { phone: `${first}-${local}`, kind: 'landline' } : undefined;
  }
  const area = national.slice(0, SHORT_AREA.test(national) ? 3 : 4);
  const local = national.slice(area.length);
  return AREA.test(area) && LOCAL.test(local) ? { phone: `${area}-${local}`, kind: 'landline' } : undefined;
}

/**
 * True when `phone` has been masked (contains a run of `*`), as {@link maskPhone} returns it.
 * @example
 * isMaskedPhone('138****1234'); // true
 */
export function isMaskedPhone(phone: string): boolean {
  return MASKED.test(phone);
}

/**
 * Masks a phone number for public display: a mobile keeps its first 3 and last 4 digits
 * (`138****1234`), a landline its area code and the last 4 digits of the local number
 * (`0351-***4321`). A number that is not valid keeps only its last 4 digits; a masked one is
 * returned as it is. Masking is for what is shown: records keep the full number (the notice on
 * the wall shows it in full, as the plan requires).
 * @example
 * maskPhone('13812341234');       // '138****1234'
 * maskPhone('0351-7654321');      // '0351-***4321'
 * maskPhone('0351-7654321-12');   // '0351-***4321'
 */
export function maskPhone(phone: string): string {
  if (isMaskedPhone(phone)) return phone;
  const checked = validatePhone(phone);
  if (checked.ok && checked.kind === 'mobile') return `${checked.phone.slice(0, 3)}****${checked.phone.slice(7)}`;
  if (checked.ok) {
    const [area = '', local = ''] = checked.phone.split('-');
    return `${area}-${'*'.repeat(local.length - 4)}${local.slice(-4)}`;
  }
  const digits = phone.replace(/\D/g, '');
  return digits.length <= 4 ? '****' : `${'*'.repeat(Math.min(digits.length - 4, 7))}${digits.slice(-4)}`;
}
