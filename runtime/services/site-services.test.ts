import { describe, expect, it } from 'vitest';
import type { Ils } from '../../ils';
import { replayTransaction } from './site-services';

describe('replaying an offline transaction', () => {
  it('never sends a loan or a renewal with an empty patron: it is refused for staff to see', async () => {
    const sent: string[] = [];
    const ils = {
      checkout: async (request: { patronId: string }) => {
        sent.push(`checkout '${request.patronId}'`);
        return { ok: true, itemId: 'I1', renewal: false, screenMessages: [], recovered: false };
      },
      renew: async (request: { patronId: string }) => {
        sent.push(`renew '${request.patronId}'`);
        return { ok: true, itemId: 'I1', screenMessages: [] };
      },
    } as unknown as Ils;
    const at = new Date('2026-03-02T10:00:00Z');
    for (const kind of ['checkout', 'renewal'] as const) {
      const result = await replayTransaction(ils, { id: 1, kind, itemId: 'I1', patronId: null, occurredAt: at });
      expect(result).toEqual({ ok: false, message: `the kiosk has no patron recorded for this ${kind}` });
    }
    expect(sent).toEqual([]);
    expect(await replayTransaction(ils, { id: 2, kind: 'checkout', itemId: 'I1', patronId: '3900001111', occurredAt: at })).toMatchObject({ ok: true });
    expect(sent).toEqual(["checkout '3900001111'"]);
  });
});
