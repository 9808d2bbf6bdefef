import { describe, expect, it } from 'vitest';
import { maskCprLike, maskSip2 } from './trace';

describe('maskSip2', () => {
  it('masks the login password (CO) and hides the checksum', () => {
    expect(maskSip2('9300CNkiosk|COsecret|CPhall|AY0AZEC7B\r')).toBe('9300CNkiosk|CO****|CPhall|AY0AZ****');
  });

  it('masks a PIN (AD), a terminal password (AC) and a CPR as patron id', () => {
    expect(maskSip2('6300920260101    120000          AODK-775100|AA0103801001|ACterm|AD1234|AY2AZF000')).toBe(
      '6300920260101    120000          AODK-775100|AA******-****|AC****|AD****|AY2AZ****',
    );
  });

  it('masks a secret that is the first field after the fixed part', () => {
    expect(maskSip2('9300COsecret|CNkiosk|')).toBe('9300CO****|CNkiosk|');
  });

  it('keeps an empty PIN field and the checksum when nothing was secret', () => {
    expect(maskSip2('2300920260101    120000AOx|AA40000001|AC|AD|AY1AZF000')).toBe('2300920260101    120000AOx|AA40000001|AC|AD|AY1AZF000');
  });

  it('masks CPR-like numbers inside values (FBS LN: prefix, dashes), not item ids or dates', () => {
    expect(maskCprLike('AALN:0103801001|AB5000000001|CY010380-1001|AH20261219    235959')).toBe('AALN:******-****|AB5000000001|CY******-****|AH20261219    235959');
  });

  it('masks secrets even in text that is not a readable message', () => {
    expect(maskSip2('XXgarbage|AD1234|CO pw')).toBe('XXgarbage|AD****|CO****');
  });
});
