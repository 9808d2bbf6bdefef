// Which 63 requests fetch the lists the caller wants, and how their answers are merged.
import { type PatronList } from '../ils-port';
import { SUMMARY_LISTS, type SummaryRequest } from '../sip2/fixed';
import { type PatronInformationResponse } from '../sip2/messages';

type SummaryList = (typeof SUMMARY_LISTS)[number];

const LISTS: Record<PatronList, SummaryList[]> = {
  loans: ['chargedItems', 'overdueItems'],
  holds: ['holdItems', 'unavailableHolds'],
  fines: ['fineItems'],
};

const REPLY_FIELD: Record<SummaryList, keyof PatronInformationResponse> = {
  holdItems: 'holdItems',
  overdueItems: 'overdueItems',
  chargedItems: 'chargedItems',
  fineItems: 'fineItems',
  recallItems: 'recallItems',
  unavailableHolds: 'unavailableHoldItems',
};

const none = (): SummaryRequest => Object.fromEntries(SUMMARY_LISTS.map((l) => [l, false])) as SummaryRequest;

/** One summary per request; always at least one (with no list, for the patron alone). */
export function summaryRequests(lists: PatronList[], mode: 'one-list-per-request' | 'all-lists'): SummaryRequest[] {
  const wanted = [...new Set(lists.flatMap((l) => LISTS[l]))];
  if (wanted.length === 0) return [none()];
  if (mode === 'all-lists') {
    const all = none();
    for (const list of wanted) all[list] = true;
    return [all];
  }
  return wanted.map((list) => ({ ...none(), [list]: true }));
}

/** The first answer, with each later answer's list added (each was asked for one list). */
export function mergePatronReplies(replies: PatronInformationResponse[]): PatronInformationResponse {
  const [first, ...rest] = replies;
  if (!first) throw new Error('no patron information answer to merge');
  const merged: Record<string, unknown> = { ...first };
  for (const reply of rest) {
    for (const field of Object.values(REPLY_FIELD)) {
      const values = reply[field];
      if (Array.isArray(values) && values.length > 0 && merged[field] === undefined) merged[field] = values;
    }
  }
  return merged as PatronInformationResponse;
}
