import { describe, expect, it } from 'vitest';
import { AFI_CHECKED_OUT, AFI_IN_LIBRARY, afiFor } from './afi';

describe('AFI values of the Danish data model', () => {
  it('are 0x07 in the library and 0xC2 checked out', () => {
    expect(AFI_IN_LIBRARY).toBe(0x07);
    expect(AFI_CHECKED_OUT).toBe(0xc2);
  });

  it('afiFor gives the checked-out value only for an item on loan', () => {
    expect(afiFor(true)).toBe(AFI_CHECKED_OUT);
    expect(afiFor(false)).toBe(AFI_IN_LIBRARY);
  });
});
