// Loads recorded HID input reports (hex strings in fixtures/*.json) for tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function loadReports(name: string): Buffer[] {
  const file = path.join(import.meta.dirname, 'fixtures', `${name}.json`);
  const { reports } = JSON.parse(readFileSync(file, 'utf8')) as { reports: string[] };
  return reports.map((hex) => Buffer.from(hex, 'hex'));
}
