// Recorded card reader sessions (hex chunks in fixtures/*.json) for tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function loadChunks(name: string): Buffer[] {
  const file = path.join(import.meta.dirname, 'fixtures', `${name}.json`);
  const { chunks } = JSON.parse(readFileSync(file, 'utf8')) as { chunks: string[] };
  return chunks.map((hex) => Buffer.from(hex, 'hex'));
}
