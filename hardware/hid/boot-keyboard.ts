// Decodes 8-byte HID boot keyboard reports [modifiers, 0, k1..k6] into key presses, with
// key-down semantics: a key counts in the report where it appears, not while it stays held.
// Keyboard-wedge readers type as a US keyboard; usages per PROTOCOLS.md section 6.

export type KeyPress =
  | { kind: 'char'; char: string }
  | { kind: 'enter' }
  | { kind: 'backspace' }
  | { kind: 'escape' }
  | { kind: 'tab' };

export type BootReportResult = { ok: true; keys: KeyPress[] } | { ok: false; reason: 'bad-length' | 'rollover' };

const SHIFT = 0x02 | 0x20; // left or right shift
const ROLLOVER = 0x01; // ErrorRollOver: too many keys down, the report says nothing

// usage -> [unshifted, shifted]
const CHARS = new Map<number, readonly [string, string]>();
for (let i = 0; i < 26; i += 1) {
  const letter = String.fromCharCode(0x61 + i);
  CHARS.set(0x04 + i, [letter, letter.toUpperCase()]);
}
'1234567890'.split('').forEach((digit, i) => CHARS.set(0x1e + i, [digit, '!@#$%^&*()'[i] ?? digit]));
const PUNCTUATION: Array<[number, string, string]> = [
  [0x2c, ' ', ' '], [0x2d, '-', '_'], [0x2e, '=', '+'], [0x2f, '[', '{'], [0x30, ']', '}'],
  [0x31, '\\', '|'], [0x33, ';', ':'], [0x34, "'", '"'], [0x35, '`', '~'], [0x36, ',', '<'],
  [0x37, '.', '>'], [0x38, '/', '?'],
];
for (const [usage, plain, shifted] of PUNCTUATION) CHARS.set(usage, [plain, shifted]);
// Keypad: the same character shifted or not.
const KEYPAD: Array<[number, string]> = [[0x54, '/'], [0x55, '*'], [0x56, '-'], [0x57, '+'], [0x63, '.']];
'1234567890'.split('').forEach((digit, i) => KEYPAD.push([0x59 + i, digit]));
for (const [usage, char] of KEYPAD) CHARS.set(usage, [char, char]);

const SPECIAL = new Map<number, KeyPress>([
  [0x28, { kind: 'enter' }],
  [0x58, { kind: 'enter' }], // keypad Enter
  [0x2a, { kind: 'backspace' }],
  [0x29, { kind: 'escape' }],
  [0x2b, { kind: 'tab' }],
]);

export function keyFor(usage: number, shifted: boolean): KeyPress | null {
  const special = SPECIAL.get(usage);
  if (special) return special;
  const chars = CHARS.get(usage);
  return chars ? { kind: 'char', char: shifted ? chars[1] : chars[0] } : null;
}

export class BootKeyboardDecoder {
  private held = new Set<number>();

  /** Feeds one input report; returns the keys that went down in it. */
  push(report: Uint8Array): BootReportResult {
    if (report.length !== 8) return { ok: false, reason: 'bad-length' };
    const usages = Array.from(report.subarray(2, 8)).filter((usage) => usage !== 0);
    if (usages.some((usage) => usage === ROLLOVER)) return { ok: false, reason: 'rollover' };
    const shifted = ((report[0] ?? 0) & SHIFT) !== 0;
    const keys: KeyPress[] = [];
    for (const usage of usages) {
      if (this.held.has(usage)) continue;
      const key = keyFor(usage, shifted);
      if (key) keys.push(key);
    }
    this.held = new Set(usages);
    return { ok: true, keys };
  }

  /** Forgets held keys, e.g. after a reconnect. */
  reset(): void {
    this.held.clear();
  }
}

/** The 8-byte report a keyboard sends with `usages` down (for simulators and fixtures). */
export function bootReport(usages: number[], modifiers = 0): Buffer {
  const report = Buffer.alloc(8);
  report[0] = modifiers;
  usages.slice(0, 6).forEach((usage, i) => (report[2 + i] = usage));
  return report;
}

const USAGE_OF = new Map<string, { usage: number; shift: boolean }>();
for (const [usage, [plain, shifted]] of CHARS) {
  if (usage >= 0x54) continue; // prefer the main block for typing
  if (!USAGE_OF.has(plain)) USAGE_OF.set(plain, { usage, shift: false });
  if (!USAGE_OF.has(shifted)) USAGE_OF.set(shifted, { usage, shift: true });
}

/**
 * The press-and-release reports a US-layout wedge sends to type `text` (then Enter when
 * `enter`). Characters it cannot type throw a RangeError.
 */
export function typeReports(text: string, options: { enter?: boolean; keypad?: boolean } = {}): Buffer[] {
  const reports: Buffer[] = [];
  for (const char of text) {
    const keypadUsage = options.keypad ? KEYPAD.find(([, c]) => c === char)?.[0] : undefined;
    const key = keypadUsage !== undefined ? { usage: keypadUsage, shift: false } : USAGE_OF.get(char);
    if (!key) throw new RangeError(`a wedge cannot type character code ${char.charCodeAt(0)}`);
    reports.push(bootReport([key.usage], key.shift ? 0x02 : 0), bootReport([]));
  }
  if (options.enter ?? true) reports.push(bootReport([options.keypad ? 0x58 : 0x28]), bootReport([]));
  return reports;
}
