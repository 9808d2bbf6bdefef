// Looks texts up in the catalogue of the kiosk's language and fills in their `{values}`.
import type { Language } from '../../state-machines';
import { da } from './da';
import { en } from './en';
import { formatDate, formatList, formatMoney, formatNumber, formatTime } from './format';

export type MessageKey = keyof typeof da;
export type Catalogue = Record<MessageKey, string>;
export type Params = Record<string, string | number>;
/** The keys that come in `.one` / `.other` forms, named without the suffix. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.one` ? Base : never }[MessageKey];

export const CATALOGUES: Record<Language, Catalogue> = { da, en };
export const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };
export const LANGUAGES: readonly Language[] = ['da', 'en'];

export interface Translator {
  language: Language;
  locale: string;
  t(key: MessageKey, params?: Params): string;
  /** The `.one` or `.other` form for `n` (also passed as `{n}`). */
  plural(key: PluralKey, n: number, params?: Params): string;
  date(iso: string): string;
  time(iso: string): string;
  money(dkk: number): string;
  list(items: readonly string[]): string;
}

export function fill(text: string, params: Params, locale: string): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
}

export function createTranslator(language: Language): Translator {
  const catalogue = CATALOGUES[language] ?? da;
  const locale = LOCALES[language] ?? LOCALES.da;
  const rules = new Intl.PluralRules(locale);
  // A key missing at run time (a device name the runtime added later...) shows as itself, never crashes.
  const t = (key: MessageKey, params: Params = {}) => fill(catalogue[key] ?? key, params, locale);
  return {
    language,
    locale,
    t,
    plural: (key, n, params = {}) => t(`${key}.${rules.select(n) === 'one' ? 'one' : 'other'}` as MessageKey, { n, ...params }),
    date: (iso) => formatDate(iso, locale),
    time: (iso) => formatTime(iso, locale),
    money: (dkk) => formatMoney(dkk, locale),
    list: (items) => formatList(items, locale),
  };
}
