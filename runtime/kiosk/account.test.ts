import { describe, expect, it } from 'vitest';
import { IlsOutcomeUnknownError, IlsProtocolError, IlsUnavailableError, type Ils, type ItemInformation, type PatronInformation, type RenewResult } from '../../ils';
import type { CardRead } from '../../state-machines';
import type { Logger } from '../log';
import { loadAccount, renewAll, renewItem } from './account';

const card: CardRead = { kind: 'library-card', patronId: '3900001234', masked: '••••1234' };

const NO_FLAGS = {
  chargePrivilegesDenied: false,
  renewalPrivilegesDenied: false,
  recallPrivilegesDenied: false,
  holdPrivilegesDenied: false,
  cardReportedLost: false,
  tooManyItemsCharged: false,
  tooManyItemsOverdue: false,
  tooManyRenewals: false,
  tooManyClaimsOfItemsReturned: false,
  tooManyItemsLost: false,
  excessiveOutstandingFines: false,
  excessiveOutstandingFees: false,
  recallOverdue: false,
  tooManyItemsBilled: false,
};

const info: PatronInformation = {
  patronId: card.patronId,
  valid: true,
  name: 'Karen Blixen',
  birthDate: '1961-07-07',
  excludedFromUnstaffed: false,
  flags: NO_FLAGS as PatronInformation['flags'],
  fees: { total: 40, fines: [] },
  loans: [
    { itemId: 'L1', title: 'Babettes gæstebud', dueDate: new Date('2025-03-20T12:00:00Z'), overdue: false },
    { itemId: 'L2', dueDate: new Date('2025-03-21T12:00:00Z'), overdue: false },
  ],
  holdsReady: [{ itemId: 'H1', title: 'Den afrikanske farm', pickupLocation: 'Hovedbiblioteket', pickupBy: new Date('2025-03-15T12:00:00Z') }],
  holdsPending: [],
  screenMessages: [],
};

const onLoan = (itemId: string, holdQueueLength: number): ItemInformation => ({ itemId, found: true, circulationStatus: 'charged', holdQueueLength, screenMessages: [] });

interface FakeIlsOptions {
  itemInformation?: (itemId: string) => Promise<ItemInformation>;
  renew?: (itemId: string) => Promise<RenewResult>;
}

function fakeIls(options: FakeIlsOptions = {}) {
  const calls: string[] = [];
  const ils = {
    patronInformation: async (patronId: string) => {
      calls.push(`info ${patronId === card.patronId ? 'card' : '?'}`);
      return info;
    },
    itemInformation: async (itemId: string) => {
      calls.push(`item ${itemId}`);
      return options.itemInformation ? options.itemInformation(itemId) : onLoan(itemId, 0);
    },
    renew: async ({ itemId }: { itemId: string }) => {
      calls.push(`renew ${itemId}`);
      return options.renew ? options.renew(itemId) : { ok: true, itemId, dueDate: new Date('2025-04-20T12:00:00Z'), screenMessages: [] };
    },
  };
  return { ils: ils as unknown as Ils, calls };
}

function recordingLog() {
  const lines: { level: string; event: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (event: string, fields?: Record<string, unknown>) => void lines.push({ level, event, ...(fields ? { fields } : {}) });
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

describe('loadAccount', () => {
  it('loads loans (with who is waiting), holds ready and fees as Copenhagen days', async () => {
    const { ils } = fakeIls({
      itemInformation: async (itemId) => onLoan(itemId, itemId === 'L2' ? 2 : 0),
    });
    const account = await loadAccount({ ils, log: recordingLog().log }, { card });
    expect(account).toEqual({
      patron: expect.objectContaining({ name: 'Karen Blixen', feesDkk: 40, borrowingBlocked: false }),
      loans: [
        { itemId: 'L1', title: 'Babettes gæstebud', dueDate: '2025-03-20', reserved: false },
        { itemId: 'L2', title: 'L2', dueDate: '2025-03-21', reserved: true },
      ],
      holdsReady: [{ itemId: 'H1', title: 'Den afrikanske farm', pickupLocation: 'Hovedbiblioteket', pickupBy: '2025-03-15' }],
      feesDkk: 40,
    });
  });

  it('leaves "reserved" unknown when item information fails, and logs why with a named event', async () => {
    const { log, lines } = recordingLog();
    const { ils } = fakeIls({
      itemInformation: async () => {
        throw new IlsProtocolError('unreadable 18 answer');
      },
    });
    const account = await loadAccount({ ils, log }, { card });
    expect(account.loans.map((loan) => 'reserved' in loan)).toEqual([false, false]);
    expect(lines).toEqual([
      { level: 'warn', event: 'account.hold-queue-unknown', fields: { itemId: 'L1', error: expect.any(IlsProtocolError) } },
      { level: 'warn', event: 'account.hold-queue-unknown', fields: { itemId: 'L2', error: expect.any(IlsProtocolError) } },
    ]);
  });
});

describe('renewItem', () => {
  it('renews with the new due date', async () => {
    const { ils, calls } = fakeIls();
    expect(await renewItem({ ils, log: recordingLog().log }, { card, itemId: 'L1' })).toEqual({ ok: true, itemId: 'L1', dueDate: '2025-04-20' });
    expect(calls).toEqual(['renew L1']);
  });

  it('answers unavailable when the ILS cannot be reached (offline)', async () => {
    const { ils } = fakeIls({
      renew: async () => {
        throw new IlsUnavailableError('the ILS is offline');
      },
    });
    expect(await renewItem({ ils, log: recordingLog().log }, { card, itemId: 'L1' })).toEqual({ ok: false, itemId: 'L1', reason: 'unavailable' });
  });

  it('says reserved when the ILS refuses and someone is waiting; ils-refused (with its words) otherwise', async () => {
    const refused = async (itemId: string): Promise<RenewResult> => ({ ok: false, itemId, screenMessages: ['Kan ikke fornys'] });
    const reserved = fakeIls({ renew: refused, itemInformation: async (itemId) => onLoan(itemId, 1) });
    expect(await renewItem({ ils: reserved.ils, log: recordingLog().log }, { card, itemId: 'L1' })).toEqual({
      ok: false,
      itemId: 'L1',
      reason: 'reserved',
      message: 'Kan ikke fornys',
    });
    const plain = fakeIls({ renew: refused });
    expect(await renewItem({ ils: plain.ils, log: recordingLog().log }, { card, itemId: 'L1' })).toEqual({
      ok: false,
      itemId: 'L1',
      reason: 'ils-refused',
      message: 'Kan ikke fornys',
    });
  });

  it('says the outcome is unknown (not "try again") when the renewal was sent but no answer came', async () => {
    const { log, lines } = recordingLog();
    const { ils } = fakeIls({
      renew: async () => {
        throw new IlsOutcomeUnknownError('renew', 'no answer after sending');
      },
    });
    expect(await renewItem({ ils, log }, { card, itemId: 'L1' })).toEqual({ ok: false, itemId: 'L1', reason: 'outcome-unknown' });
    expect(lines.map((l) => l.event)).toEqual(['account.renewal-outcome-unknown']);
  });

  it('names the FBS "too early" code as the profile does', async () => {
    const { ils } = fakeIls({
      renew: async (itemId) => ({ ok: false, itemId, screenMessages: ['For tidligt fornyet'], reason: { code: 'BEFORE_RENEW_PERIOD', known: 'renewal-too-early' } }),
    });
    expect(await renewItem({ ils, log: recordingLog().log }, { card, itemId: 'L1' })).toEqual({ ok: false, itemId: 'L1', reason: 'too-early', message: 'For tidligt fornyet' });
  });

  it('lets anything but an ILS failure through (a bug is not "unavailable")', async () => {
    const { ils } = fakeIls({
      renew: async () => {
        throw new TypeError('bug');
      },
    });
    await expect(renewItem({ ils, log: recordingLog().log }, { card, itemId: 'L1' })).rejects.toThrow('bug');
  });
});

describe('renewAll', () => {
  it('renews each item one by one, each with its own outcome', async () => {
    const { ils, calls } = fakeIls({
      renew: async (itemId) => (itemId === 'L2' ? { ok: false, itemId, screenMessages: [] } : { ok: true, itemId, dueDate: new Date('2025-04-20T12:00:00Z'), screenMessages: [] }),
    });
    expect(await renewAll({ ils, log: recordingLog().log }, { card, itemIds: ['L1', 'L2'] })).toEqual([
      { ok: true, itemId: 'L1', dueDate: '2025-04-20' },
      { ok: false, itemId: 'L2', reason: 'ils-refused' },
    ]);
    expect(calls).toEqual(['renew L1', 'renew L2', 'item L2']);
  });
});
