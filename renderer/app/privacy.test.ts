import { describe, expect, it } from 'vitest';
import { hasCprLike, maskCpr } from './privacy';

describe('maskCpr', () => {
  it('masks CPR-shaped numbers with or without the dash', () => {
    expect(maskCpr('Kort 010380-1001')).toBe('Kort ******-****');
    expect(maskCpr('0103801001')).toBe('******-****');
    expect(hasCprLike('2311652004')).toBe(true);
  });

  it('leaves item numbers, masked cards and prices alone', () => {
    for (const text of ['5000000005', '******-**01', '****0001', '250,00 kr.', 'E004010000000001']) {
      expect(maskCpr(text)).toBe(text);
      expect(hasCprLike(text)).toBe(false);
    }
  });
});
