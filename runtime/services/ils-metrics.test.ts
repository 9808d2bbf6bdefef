import { describe, expect, it } from 'vitest';
import type { Ils } from '../../ils';
import { MetricsRegistry } from './metrics';
import { measuredIls } from './ils-metrics';

describe('ILS latency metrics', () => {
  it('times each operation by outcome and passes results and errors through', async () => {
    const fake = {
      link: { state: 'online' },
      status: async () => ({ online: true }),
      checkout: async () => {
        throw new Error('gone');
      },
    } as unknown as Ils;
    const metrics = new MetricsRegistry();
    const ils = measuredIls(fake, metrics);
    expect(await ils.status()).toEqual({ online: true });
    await expect(ils.checkout({ patronId: 'p', itemId: 'i' })).rejects.toThrow('gone');
    expect(ils.link.state).toBe('online');
    const text = metrics.render();
    expect(text).toContain('kiosk_ils_request_seconds_count{operation="status",outcome="ok"} 1');
    expect(text).toContain('kiosk_ils_request_seconds_count{operation="checkout",outcome="error"} 1');
  });
});
