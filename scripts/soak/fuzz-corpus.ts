// Seed inputs for the fuzzer: valid bytes of every format, made by the product's own encoders
// (and the simulated ILS's answers), so mutations start from the shapes the parsers expect.
import { cardText } from '../../hardware/card-reader/index';
import { bootReport, typeReports } from '../../hardware/hid/boot-keyboard';
import { encodeLcus } from '../../hardware/lock/index';
import { encodeSerialKeypad } from '../../hardware/pin-pad/serial-keypad-codec';
import { keysFromScript } from '../../hardware/pin-pad/pin-pad-sim';
import { line, renderReceipt } from '../../hardware/printer/index';
import {
  encodeFeigFrame,
  encodeFeigReply,
  encodeTag,
  FeigSimulatorCore,
  inventoryRequest,
  readBlocksRequest,
  rfResetRequest,
  simulatedTag,
  systemInfoRequest,
  writeAfiRequest,
} from '../../hardware/rfid/index';
import {
  checkinRequest,
  checkoutRequest,
  endSessionRequest,
  feePaidRequest,
  itemInformationRequest,
  patronInformationRequest,
  renewAllRequest,
  renewRequest,
  type RequestContext,
  statusRequest,
} from '../../ils/client/requests';
import { DEMO, DEMO_DATA } from '../../ils/sim/demo-data';
import { defaultLoanRules } from '../../ils/sim/loan-rules';
import { respond } from '../../ils/sim/responder';
import { SimState } from '../../ils/sim/sim-state';
import { encodeSip2 } from '../../ils/sip2/codec';
import { type Sip2Message, type Sip2Request } from '../../ils/sip2/messages';
import { SUMMARY_LISTS } from '../../ils/sip2/fixed';

const NOW = new Date('2026-11-18T09:00:00Z');

export function sip2Corpus(): Uint8Array[] {
  const ctx: RequestContext = { institution: DEMO.institution, timeZone: 'Europe/Copenhagen', now: NOW, location: 'Hovedbiblioteket' };
  const p = DEMO.patrons.adult;
  const all = Object.fromEntries(SUMMARY_LISTS.map((l, i) => [l, i === 0])) as Parameters<typeof patronInformationRequest>[3];
  const requests: Sip2Request[] = [
    { code: '93', uidAlgorithm: '0', pwdAlgorithm: '0', loginUserId: 'kiosk', loginPassword: 'kiosk', locationCode: 'Hovedbiblioteket' } as Sip2Request,
    { code: '23', language: '009', transactionDate: '20261118    100000', institutionId: DEMO.institution, patronIdentifier: p.id, terminalPassword: '', patronPassword: p.pin } as Sip2Request,
    statusRequest(),
    patronInformationRequest(ctx, p.id, p.pin),
    patronInformationRequest(ctx, DEMO.patrons.adultCard.id, undefined, all),
    checkoutRequest(ctx, { patronId: p.id, itemId: DEMO.items.available[0] }),
    checkoutRequest(ctx, { patronId: p.id, itemId: DEMO.items.available[1], offline: { transactionDate: NOW } }),
    checkinRequest(ctx, { itemId: DEMO.items.onLoanReserved }),
    checkinRequest(ctx, { itemId: DEMO.items.otherBranch, offline: { returnDate: NOW } }),
    renewRequest(ctx, { patronId: p.id, itemId: DEMO.items.onLoan }),
    renewAllRequest(ctx, p.id, p.pin),
    itemInformationRequest(ctx, DEMO.items.interlibrary),
    endSessionRequest(ctx, p.id),
    feePaidRequest(ctx, { patronId: DEMO.patrons.owes250.id, amount: 50 }),
  ];
  const state = new SimState(DEMO_DATA, defaultLoanRules(), () => NOW);
  const replies: Sip2Message[] = [{ code: '94', ok: true } as Sip2Message, { code: '96' } as Sip2Message, { code: '97' } as Sip2Message];
  for (const request of requests) {
    const reply = request.code === '93' ? undefined : respond(request, { state, dialect: 'sip2', now: () => NOW, timeZone: 'Europe/Copenhagen' });
    if (reply) replies.push(reply);
  }
  const out: Uint8Array[] = [];
  for (const [i, message] of [...requests, ...replies].entries()) {
    out.push(encodeSip2(message));
    out.push(encodeSip2(message, { errorDetection: { sequence: i % 10 }, terminator: '\r\n' }));
    out.push(encodeSip2(message, { encoding: 'iso-8859-1', errorDetection: {} }));
  }
  return out;
}

export function feigCorpus(): Uint8Array[] {
  const core = new FeigSimulatorCore({ pageSize: 3 });
  for (let i = 0; i < 5; i += 1) {
    core.placeTag(simulatedTag(`E0040100000000${String(i).padStart(2, '0')}`, { usage: 'circulating', partsInSet: 1, partNumber: 1, itemId: `500000000${i}`, country: 'DK', isil: '775100' }));
  }
  const uid = 'E004010000000001';
  const requests = [rfResetRequest(), inventoryRequest(), inventoryRequest(true), readBlocksRequest(uid, 0, 8), writeAfiRequest(uid, 0xc2), systemInfoRequest(uid)];
  const out: Uint8Array[] = [];
  for (const format of ['standard', 'advanced'] as const) {
    for (const r of requests) {
      const frame = { format, address: 0xff, command: r.command, payload: r.payload };
      out.push(encodeFeigFrame(frame));
      out.push(encodeFeigReply(core.handle({ ...frame, address: 0 })));
    }
  }
  return out;
}

export function tagCorpus(): Uint8Array[] {
  return [
    encodeTag({ usage: 'circulating', partsInSet: 1, partNumber: 1, itemId: '5000000001', country: 'DK', isil: '775100' }),
    encodeTag({ usage: 'circulating', partsInSet: 3, partNumber: 2, itemId: '5000000005' }),
    encodeTag({ usage: 'reference', partsInSet: 2, partNumber: 1, itemId: '123456789012345', country: 'SE', isil: '123456789' }),
    encodeTag({ usage: 'patron-card', partsInSet: 1, partNumber: 1, itemId: 'A' }),
    new Uint8Array(32),
  ];
}

export function cardCorpus(): Uint8Array[] {
  const texts = [
    cardText({ cpr: '0103801001' }),
    cardText({ cpr: '0103801001', format: 'tracks1and2', firstName: 'Åse', lastName: 'Ørsted' }),
    cardText({ cpr: '0106144001', format: 'barcode' }),
    cardText({ cpr: '0106144001', format: 'track2-bare' }),
    cardText({ cardNumber: '40000001' }),
    cardText({ cardNumber: 'LIB123456789' }),
    '010380-1001',
  ];
  return texts.map((t) => Buffer.from(t, 'latin1'));
}

export function hidCorpus(): Uint8Array[] {
  return [...typeReports('0103801001'), ...typeReports('1234', { keypad: true }), bootReport([0x04, 0x05, 0x06], 0x02), bootReport([0x01, 0x01, 0x01, 0x01, 0x01, 0x01])];
}

export function escPosCorpus(): Uint8Array[] {
  const receipt = {
    lines: [
      line.text('Demobiblioteket', { bold: true, align: 'center' as const, width: 2, height: 2 }),
      line.text('Lånekvittering: Æblegrød, søster, blåbær'),
      line.barcode('5000000001', { align: 'center' as const }),
      line.qr('https://example.org/loan/1'),
      line.feed(2),
      line.cut(),
    ],
  };
  return [renderReceipt(receipt, { codePage: 'pc865' }), renderReceipt(receipt, { codePage: 'wpc1252' }), Uint8Array.of(0x10, 0x04, 0x01, 0x10, 0x04, 0x04)];
}

export function smallDeviceCorpus(): Uint8Array[] {
  return [encodeLcus(1, true), encodeLcus(1, false), encodeLcus(8, true), encodeSerialKeypad(keysFromScript('1234#*<'))];
}
