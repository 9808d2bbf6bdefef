// A library rule that could not be applied (the policy threw on data from the ILS): the machines
// refuse, and this records why where a technician sees it, as one named error line.
import type { PolicyErrorHook } from '../state-machines';
import { type Logger } from './log';

export function recordRuleFailures(log: Logger, place: string): PolicyErrorHook {
  return ({ rule, error }) => log.error('policy.rule-failed', { place, rule, error });
}
