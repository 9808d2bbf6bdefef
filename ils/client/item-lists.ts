// Item lists in patron information (64) and renew all (66). Standard SIP2 sends the item
// id alone; FBS sends `%`-separated records (PROTOCOLS.md section 2), e.g. charged items
// `id%dueYYYYMMDD%title%author%GMB%SMB`. Both are read here.
import { type Fine, type Hold, type Loan } from '../ils-port';
import { parseSip2Date } from '../sip2/dates';

const parts = (value: string) => value.split('%');
const text = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

function day(value: string | undefined, timeZone: string): Date | undefined {
  return value ? parseSip2Date(value, timeZone) : undefined;
}

function withTitle<T extends object>(base: T, title: string | undefined, author: string | undefined): T {
  return { ...base, ...(text(title) ? { title } : {}), ...(text(author) ? { author } : {}) };
}

/** AU (charged) or AT (overdue) entries. */
export function readLoan(value: string, overdue: boolean, timeZone: string): Loan | undefined {
  if (value === '') return undefined;
  const [itemId = '', due, title, author] = parts(value);
  const dueDate = day(due, timeZone);
  return withTitle({ itemId, overdue, ...(dueDate ? { dueDate } : {}) }, title, author);
}

/** AS: holds ready for pickup. FBS: `bibId%id%pickupId%date%DK-xxxxxx - Branch%title...`. */
export function readReadyHold(value: string, timeZone: string): Hold | undefined {
  if (value === '') return undefined;
  const fields = parts(value);
  if (fields.length === 1) return { itemId: value };
  const [bibliographicId, itemId, , date, location, title] = fields;
  const pickupBy = day(date, timeZone);
  const pickupLocation = text(location)?.replace(/^[A-Z]{2,3}-\d{6}\s+-\s+/, '');
  return {
    ...(text(bibliographicId) ? { bibliographicId } : {}),
    ...(text(itemId) ? { itemId } : {}),
    ...(pickupBy ? { pickupBy } : {}),
    ...(pickupLocation ? { pickupLocation } : {}),
    ...(text(title) ? { title } : {}),
  };
}

/** CD: holds not yet available. FBS: `bibId%id%interestDate%title...`. */
export function readPendingHold(value: string): Hold | undefined {
  if (value === '') return undefined;
  const fields = parts(value);
  if (fields.length === 1) return { itemId: value };
  const [bibliographicId, itemId, , title] = fields;
  return {
    ...(text(bibliographicId) ? { bibliographicId } : {}),
    ...(text(itemId) ? { itemId } : {}),
    ...(text(title) ? { title } : {}),
  };
}

/** AV: fines. Standard SIP2: free text; FBS: `id%fineId%date%amount%title...`. */
export function readFine(value: string, timeZone: string): Fine | undefined {
  if (value === '') return undefined;
  const fields = parts(value);
  if (fields.length === 1) return { description: value };
  const [itemId, fineId, date, amount, title] = fields;
  const parsedDate = day(date, timeZone);
  const parsedAmount = parseAmount(amount);
  return {
    description: [title, amount].filter((p) => text(p)).join(' '),
    ...(text(itemId) ? { itemId } : {}),
    ...(text(fineId) ? { fineId } : {}),
    ...(parsedDate ? { date: parsedDate } : {}),
    ...(parsedAmount !== undefined ? { amount: parsedAmount } : {}),
    ...(text(title) ? { title } : {}),
  };
}

/** BM entries (renewed): FBS `id%dueDate%title...`. */
export function readRenewed(value: string, timeZone: string): { itemId: string; dueDate?: Date; title?: string } {
  const [itemId = '', due, title] = parts(value);
  const dueDate = day(due, timeZone);
  return { itemId, ...(dueDate ? { dueDate } : {}), ...(text(title) ? { title } : {}) };
}

/** BN entries (not renewed): FBS `id%reason%dueDate%title...`. */
export function readNotRenewed(value: string, timeZone: string): { itemId: string; reason?: string; dueDate?: Date; title?: string } {
  const [itemId = '', reason, due, title] = parts(value);
  const dueDate = day(due, timeZone);
  return {
    itemId,
    ...(text(reason) ? { reason } : {}),
    ...(dueDate ? { dueDate } : {}),
    ...(text(title) ? { title } : {}),
  };
}

/** `250.00`, `250,00`, `$0.50`, `kr 199` -> a number; undefined when there is none. */
export function parseAmount(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const m = /-?\d+(?:[.,]\d+)?/.exec(value.replace(/\s/g, ''));
  return m ? Number(m[0].replace(',', '.')) : undefined;
}
