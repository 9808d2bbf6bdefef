// Loan and return receipts, laid out for an 80 mm ESC/POS printer in Danish or English. A receipt
// names items and dates, never the patron: it may be left behind at the kiosk.
import { line, type Receipt, type ReceiptLine } from '../../hardware/printer/index';
import { copenhagenTime, LIBRARY_TIME_ZONE, parseDate } from '../../policy';
import type { ReceiptRequest } from '../../state-machines';
import { VERSION } from '../version';

const TEXT = {
  da: {
    checkout: 'Lånekvittering',
    return: 'Afleveringskvittering',
    due: 'Afleveres senest',
    dueLater: 'Afleveringsdatoen sættes, når biblioteksystemet svarer igen',
    count: (n: number) => `${n} ${n === 1 ? 'materiale' : 'materialer'}`,
    destination: { shelf: 'På hylden', 'hold-shelf': 'Reserveret: til afhentningshylden', 'other-branch': 'Sendes til en anden afdeling', 'sort-bin': 'Til sortering', alert: 'Personalet ser på det' },
    thanks: 'Tak for besøget',
    test: 'Testudskrift',
    notAnItem: 'Ikke et materiale',
  },
  en: {
    checkout: 'Loan receipt',
    return: 'Return receipt',
    due: 'Due',
    dueLater: 'The due date will be set when the library system is back',
    count: (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`,
    destination: { shelf: 'Back to the shelf', 'hold-shelf': 'Reserved: to the hold shelf', 'other-branch': 'Sent to another branch', 'sort-bin': 'To sorting', alert: 'Staff will look at it' },
    thanks: 'Thank you for your visit',
    test: 'Test print',
    notAnItem: 'Not an item',
  },
} satisfies Record<'da' | 'en', unknown>;

/** A due date, which travels as the Copenhagen calendar day `YYYY-MM-DD` (policy's copenhagenDay),
 * written out in full. It is a day, not an instant: it is read back and written out without a zone. */
function formatDueDate(day: string, language: 'da' | 'en'): string {
  const date = parseDate(day);
  if (!date) return day;
  const calendarDay = Date.UTC(date.year, date.month - 1, date.day);
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(calendarDay);
}

export function receiptFor(request: ReceiptRequest, context: { libraryName: string; printedAt: Date; timeZone?: string }): Receipt {
  const t = TEXT[request.language];
  const tz = context.timeZone ?? LIBRARY_TIME_ZONE;
  const when = new Intl.DateTimeFormat(request.language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: tz }).format(context.printedAt);
  const lines: ReceiptLine[] = [
    line.text(context.libraryName, { bold: true, align: 'center', width: 2, height: 2 }),
    line.text(request.kind === 'checkout' ? t.checkout : t.return, { bold: true, align: 'center' }),
    line.text(when, { align: 'center' }),
    line.feed(1),
  ];
  for (const item of request.lines) {
    lines.push(line.text(item.title, { bold: true }));
    lines.push(line.text(item.itemId));
    if (item.dueDate) lines.push(line.text(`${t.due}: ${formatDueDate(item.dueDate, request.language)}`));
    // Borrowed offline: the library system sets the due date when it answers again.
    else if (request.kind === 'checkout') lines.push(line.text(t.dueLater));
    if (item.destination) lines.push(line.text(t.destination[item.destination]));
    lines.push(line.feed(1));
  }
  lines.push(line.text(t.count(request.lines.length), { align: 'center' }), line.text(t.thanks, { align: 'center' }), line.feed(3), line.cut());
  return { lines };
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The technician's test print: what the printer does with text, Danish letters and a barcode. The
 * barcode is a test code (TEST- and the minute it was printed), never an item number a library's
 * scanner could take for a real item.
 */
export function testReceipt(libraryName: string, printedAt: Date): Receipt {
  const c = copenhagenTime(printedAt);
  const when = `${two(c.day)}-${two(c.month)}-${c.year} ${two(c.hour)}:${two(c.minute)}`;
  const code = `TEST-${c.year}-${two(c.month)}-${two(c.day)}T${two(c.hour)}:${two(c.minute)}`;
  return {
    lines: [
      line.text(libraryName, { bold: true, align: 'center' }),
      line.text(`${TEXT.da.test} / ${TEXT.en.test}`, { align: 'center' }),
      line.text(`${TEXT.da.notAnItem} / ${TEXT.en.notAnItem}`, { align: 'center' }),
      line.text(when, { align: 'center' }),
      line.text(`Version ${VERSION}`, { align: 'center' }),
      line.text('ÆØÅ æøå', { align: 'center' }),
      line.barcode(code, { align: 'center' }),
      line.feed(3),
      line.cut(),
    ],
  };
}
