// Screen messages (AF) with machine-readable reasons. FBS puts a bracketed code at the start of
// AF (recorded: `AF[BEFORE_RENEW_PERIOD]` refusing a renewal); the code becomes a reason the
// kiosk can name, and only human text is left to display. Codes are read generically; a code
// gets a name only where its meaning is on record.
import { type IlsReason, type KnownIlsReason } from '../ils-port';

const BRACKETED = /^\s*\[([A-Z][A-Z0-9_]*)\]\s*(.*)$/s;

/** Codes whose meaning is on record: BibBox's recorded FBS renewal refusal and its Danish text
 * for it ("For tidligt fornyet": renewed too early). */
const KNOWN: Record<string, KnownIlsReason> = {
  BEFORE_RENEW_PERIOD: 'renewal-too-early',
};

export function readScreenMessages(values: string[] | undefined): { screenMessages: string[]; reason?: IlsReason } {
  const screenMessages: string[] = [];
  let reason: IlsReason | undefined;
  for (const value of values ?? []) {
    const m = BRACKETED.exec(value);
    if (!m) {
      screenMessages.push(value);
      continue;
    }
    const code = m[1] ?? '';
    const known = KNOWN[code];
    reason ??= { code, ...(known ? { known } : {}) };
    if (m[2]) screenMessages.push(m[2]);
  }
  return { screenMessages, ...(reason ? { reason } : {}) };
}
