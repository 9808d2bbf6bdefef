import { describe, expect, it } from 'vitest';
import { jsonLogger } from './log';
import { recordRuleFailures } from './rule-failures';

describe('a library rule that could not be applied', () => {
  it('is an error line with a named event, the rule and the place, for a technician', () => {
    const lines: string[] = [];
    const report = recordRuleFailures(jsonLogger({ write: (line) => lines.push(line) }), 'hoved-door');
    report({ rule: 'renewal', error: new RangeError('dueDate must be a real date as YYYY-MM-DD') });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'error',
      event: 'policy.rule-failed',
      place: 'hoved-door',
      rule: 'renewal',
      error: { name: 'RangeError', message: 'dueDate must be a real date as YYYY-MM-DD' },
    });
  });
});
