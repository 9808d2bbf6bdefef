// The part of the site configuration the access-log tools need. The runtime owns the whole
// file; this reads only `dataDir` and `accessLog` and ignores the rest.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { StoreError } from './errors';
import { MAX_ACCESS_LOG_DAYS } from './settings';

const schema = z.object({
  dataDir: z.string().min(1),
  accessLog: z
    .strictObject({
      retentionDays: z.number().int().min(1).max(MAX_ACCESS_LOG_DAYS).default(MAX_ACCESS_LOG_DAYS),
      officerPublicKey: z.string().min(1).optional(),
    })
    .default({ retentionDays: MAX_ACCESS_LOG_DAYS }),
});

export type AccessLogConfig = z.infer<typeof schema>;

function describe(error: z.ZodError, source: string): string {
  const lines = error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    if (issue.code === 'unrecognized_keys') return `  ${issue.keys.map((k) => `${where}.${k}`).join(', ')}: unknown key`;
    return `  ${where}: ${issue.message}`;
  });
  return `${source} is not a valid configuration:\n${lines.join('\n')}`;
}

export function parseAccessLogConfig(value: unknown, source = 'configuration'): AccessLogConfig {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoreError('bad-config', describe(result.error, source));
  return result.data;
}

/** Reads the JSON file; a relative `dataDir` is taken from the file's folder. */
export function readAccessLogConfig(file: string): AccessLogConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new StoreError('bad-config', `cannot read the configuration file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StoreError('bad-config', `${file} is not valid JSON: ${(error as Error).message}`);
  }
  const config = parseAccessLogConfig(json, file);
  return { ...config, dataDir: path.resolve(path.dirname(file), config.dataDir) };
}
