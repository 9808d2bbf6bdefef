// Every reason code the machines and the library's rules send to the screen, mapped to a
// plain-words message. The maps are typed by the codes' own unions, so a new code in
// state-machines/ or policy/ fails the build until it has a message.
import type { BorrowingReason, RenewalReason } from '../../policy';
import type { IdentifyRefusal, RULES_NOT_APPLIED, CheckinOutcome, CheckoutRefusal, ReturnDestination } from '../../state-machines';
import type { MessageKey } from './translate';

type CheckinRefusal = Extract<CheckinOutcome, { ok: false }>['reason'];

export const IDENTIFY_REFUSALS: Record<IdentifyRefusal['reason'], MessageKey> = {
  'wrong-pin': 'identify.refused.wrong-pin',
  'card-locked': 'identify.refused.card-locked',
  'unknown-card': 'identify.refused.unknown-card',
  'offline-unknown': 'identify.refused.offline-unknown',
  unavailable: 'identify.refused.unavailable',
};

/** Why borrowing is blocked ('ok' never reaches the blocked screen). */
export const BORROWING_BLOCKS: Record<Exclude<BorrowingReason, 'ok'> | typeof RULES_NOT_APPLIED, MessageKey> = {
  'debt-threshold': 'blocked.reason.debt-threshold',
  'card-lost': 'blocked.reason.card-lost',
  'ils-block': 'blocked.reason.ils-block',
  'rules-not-applied': 'blocked.reason.rules-not-applied',
};

export const CHECKOUT_REFUSALS: Record<CheckoutRefusal, MessageKey> = {
  'incomplete-set': 'refusal.checkout.incomplete-set',
  'patron-blocked': 'refusal.checkout.patron-blocked',
  'reserved-by-another': 'refusal.checkout.reserved-by-another',
  'on-loan-to-another': 'refusal.checkout.on-loan-to-another',
  'unreadable-tag': 'refusal.checkout.unreadable-tag',
  'ils-refused': 'refusal.checkout.ils-refused',
  'afi-write-failed': 'refusal.checkout.afi-write-failed',
  'offline-limit-reached': 'refusal.checkout.offline-limit-reached',
  unavailable: 'refusal.checkout.unavailable',
  'item-lifted': 'refusal.checkout.item-lifted',
  'unknown-item-offline': 'refusal.checkout.unknown-item-offline',
  'not-for-loan': 'refusal.checkout.not-for-loan',
  'other-library': 'refusal.checkout.other-library',
  'undo-pending': 'refusal.checkout.undo-pending',
  'needs-staff': 'refusal.checkout.needs-staff',
};

export const CHECKIN_REFUSALS: Record<CheckinRefusal, MessageKey> = {
  'unreadable-tag': 'refusal.checkin.unreadable-tag',
  'incomplete-set': 'refusal.checkin.incomplete-set',
  'ils-refused': 'refusal.checkin.ils-refused',
  'afi-write-failed': 'refusal.checkin.afi-write-failed',
  unavailable: 'refusal.checkin.unavailable',
  'item-lifted': 'refusal.checkin.item-lifted',
  'not-on-loan': 'refusal.checkin.not-on-loan',
};

/** The profile's renewal reasons, plus the ILS's answers to a renewal attempt. */
export const RENEWAL_REASONS: Record<RenewalReason | 'ils-refused' | 'unavailable' | 'outcome-unknown' | typeof RULES_NOT_APPLIED, MessageKey> = {
  ok: 'renewal.ok',
  'ok-late-fee': 'renewal.ok-late-fee',
  reserved: 'renewal.reserved',
  'limit-reached': 'renewal.limit-reached',
  'after-due-date': 'renewal.after-due-date',
  'too-early': 'renewal.too-early',
  'interlibrary-personal-request': 'renewal.interlibrary-personal-request',
  'interlibrary-limit-reached': 'renewal.interlibrary-limit-reached',
  'interlibrary-after-due-date': 'renewal.interlibrary-after-due-date',
  'ils-refused': 'renewal.ils-refused',
  unavailable: 'renewal.unavailable',
  'outcome-unknown': 'renewal.outcome-unknown',
  'rules-not-applied': 'renewal.rules-not-applied',
};

export const DESTINATIONS: Record<ReturnDestination, MessageKey> = {
  shelf: 'destination.shelf',
  'hold-shelf': 'destination.hold-shelf',
  'other-branch': 'destination.other-branch',
  'sort-bin': 'destination.sort-bin',
  alert: 'destination.alert',
};

/** A code's message, or `fallback` for a code this screen does not know yet (never the raw code). */
export function reasonKey<Code extends string>(map: Record<Code, MessageKey>, code: string | undefined, fallback: MessageKey): MessageKey {
  return code !== undefined && Object.hasOwn(map, code) ? map[code as Code] : fallback;
}
