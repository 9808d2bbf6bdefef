import { describe, expect, it } from 'vitest';
import { readScreenMessages } from './screen-messages';

describe('screen messages (AF) with FBS bracketed codes', () => {
  it('a code alone becomes a reason and leaves nothing raw to display', () => {
    expect(readScreenMessages(['[BEFORE_RENEW_PERIOD]'])).toEqual({ screenMessages: [], reason: { code: 'BEFORE_RENEW_PERIOD', known: 'renewal-too-early' } });
  });

  it('a code before human text: the text is kept for display, the code read generically', () => {
    expect(readScreenMessages(['[SOME_FUTURE_CODE] Kontakt personalet'])).toEqual({ screenMessages: ['Kontakt personalet'], reason: { code: 'SOME_FUTURE_CODE' } });
  });

  it('plain text, brackets inside text and empty messages stay as they are; the first code wins', () => {
    expect(readScreenMessages(['Item cannot be charged : see help desk'])).toEqual({ screenMessages: ['Item cannot be charged : see help desk'] });
    expect(readScreenMessages(['Hold [3 days]'])).toEqual({ screenMessages: ['Hold [3 days]'] });
    expect(readScreenMessages(['[]', '[not a code]'])).toEqual({ screenMessages: ['[]', '[not a code]'] });
    expect(readScreenMessages(['[A_1]', '[B_2] Second'])).toEqual({ screenMessages: ['Second'], reason: { code: 'A_1' } });
    expect(readScreenMessages(undefined)).toEqual({ screenMessages: [] });
  });
});
