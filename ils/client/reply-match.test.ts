import { describe, expect, it } from 'vitest';
import { decodeSip2 } from '../sip2/codec';
import { type Sip2Message, type Sip2Request } from '../sip2/messages';
import { replyMismatch } from './reply-match';
import { checkinRequest, checkoutRequest, itemInformationRequest, patronInformationRequest, renewAllRequest, statusRequest } from './requests';

const ctx = { institution: 'DK-775100', timeZone: 'Europe/Copenhagen', now: new Date('2026-11-20T10:00:00Z') };
const reply = (text: string) => decodeSip2(text).message as Sip2Message;
const DATE = '20261120    100000';
const p64 = (fields: string) => reply(`64${' '.repeat(14)}009${DATE}${'0000'.repeat(6)}AODK-775100|${fields}`);
const r12 = (fields: string) => reply(`121NNY${DATE}AODK-775100|${fields}`);

describe('replyMismatch', () => {
  const patron: Sip2Request = patronInformationRequest(ctx, '0103801001', '1234');

  it('accepts the patron asked for, also with a kind prefix, other case or padding', () => {
    expect(replyMismatch(patron, p64('AA0103801001|BLY|'))).toBeUndefined();
    expect(replyMismatch(patron, p64('AALN:0103801001|BLY|'))).toBeUndefined();
    const card = patronInformationRequest(ctx, 'ab40000001', undefined);
    expect(replyMismatch(card, p64('AAAB40000001 |BLN|'))).toBeUndefined();
  });

  it('refuses another patron, no patron, and a second different AA; names the field, never a value', () => {
    expect(replyMismatch(patron, p64('AA40000001|BLY|'))).toBe('AA differs');
    expect(replyMismatch(patron, p64('BLY|'))).toBe('AA missing');
    expect(replyMismatch(patron, p64('AA0103801001|BLY|AA40000001|'))).toBe('AA differs');
    expect(replyMismatch(patron, p64('AA0103801001|BLY|AA0103801001|'))).toBeUndefined();
    expect(replyMismatch(patron, p64('AALN:0103801001X|'))).toBe('AA differs');
  });

  it('issue 12: an FBS `LN:` id is the card or CPR that was sent, in any letter case; any other number is refused', () => {
    const cpr = patronInformationRequest(ctx, '1234567890', '1234');
    expect(replyMismatch(cpr, p64('AALN:1234567890|BLY|CQY|'))).toBeUndefined();
    expect(replyMismatch(cpr, p64('AAln:1234567890|BLY|CQY|'))).toBeUndefined();
    expect(replyMismatch(cpr, p64('AA LN:1234567890 |BLY|CQY|'))).toBeUndefined();
    expect(replyMismatch(cpr, p64('AALN:1234567891|BLY|CQY|'))).toBe('AA differs');
    expect(replyMismatch(cpr, p64('AALN:LN:1234567890|BLY|CQY|'))).toBe('AA differs');
    expect(replyMismatch(cpr, p64('AALN:|BLY|CQY|'))).toBe('AA differs');
    expect(replyMismatch(cpr, p64('AALN:1234567890|BLY|AALN:1234567891|'))).toBe('AA differs');
  });

  it('checks both AA and AB of a circulation answer', () => {
    const out = checkoutRequest(ctx, { patronId: '40000001', itemId: '5000000001' });
    expect(replyMismatch(out, r12('AA40000001|AB5000000001|'))).toBeUndefined();
    expect(replyMismatch(out, r12('AA40000001|AB5000000002|'))).toBe('AB differs');
    expect(replyMismatch(out, r12('AA40000002|AB5000000001|'))).toBe('AA differs');
    expect(replyMismatch(out, r12('AA40000001|'))).toBe('AB missing');
  });

  it('a checkin answer is matched by AB only (its AA is whoever had the item)', () => {
    const back = checkinRequest(ctx, { itemId: '5000000001' });
    expect(replyMismatch(back, reply(`101YNN${DATE}AODK-775100|AB5000000001|AQx|AA0103801001|`))).toBeUndefined();
    expect(replyMismatch(back, reply(`101YNN${DATE}AODK-775100|AB5000000009|AQx|`))).toBe('AB differs');
  });

  it('item information by AB; status and renew all carry nothing to match', () => {
    const item = itemInformationRequest(ctx, '5000000001');
    expect(replyMismatch(item, reply(`18030001${DATE}AB5000000001|`))).toBe(undefined);
    expect(replyMismatch(item, reply(`18030001${DATE}AB5000000002|`))).toBe('AB differs');
    expect(replyMismatch(statusRequest(), reply(`98YYYYNN010003${DATE}2.00AOx|BXYYYYYYYYYYYYYYYY|`))).toBeUndefined();
    expect(replyMismatch(renewAllRequest(ctx, '40000001'), reply(`6610000000000${DATE}AOx|`))).toBeUndefined();
  });
});
