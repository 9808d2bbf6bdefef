import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../test/store/helpers';
import { parseAccessLogConfig, readAccessLogConfig } from './access-log-config';

let tmp: TempDir | undefined;
afterEach(() => tmp?.cleanup());

describe('access-log configuration', () => {
  it('reads dataDir and accessLog, ignores the rest of the site configuration, defaults to 30 days', () => {
    expect(parseAccessLogConfig({ library: 'hvidovre', dataDir: '/var/lib/kiosk', devices: {} })).toEqual({ dataDir: '/var/lib/kiosk', accessLog: { retentionDays: 30 } });
  });

  it('names the wrong key', () => {
    expect(() => parseAccessLogConfig({ dataDir: '/x', accessLog: { retentionDays: 45 } })).toThrow(/accessLog\.retentionDays: .*30/);
    expect(() => parseAccessLogConfig({ dataDir: '/x', accessLog: { retentionDay: 10 } })).toThrow(/accessLog\.retentionDay: unknown key/);
    expect(() => parseAccessLogConfig({ accessLog: {} })).toThrow(/dataDir: /);
  });

  it('resolves a relative dataDir against the file and reports unreadable or non-JSON files', () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'kiosk.json');
    writeFileSync(file, JSON.stringify({ dataDir: 'data' }));
    expect(readAccessLogConfig(file).dataDir).toBe(path.join(tmp.dir, 'data'));
    writeFileSync(file, '{ not json');
    expect(() => readAccessLogConfig(file)).toThrow(/kiosk\.json is not valid JSON/);
    expect(() => readAccessLogConfig(path.join(tmp?.dir ?? '', 'missing.json'))).toThrow(/cannot read the configuration file .*missing\.json: ENOENT/);
  });
});
