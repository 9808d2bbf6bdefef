// The ILS layer's public face: the `Ils` port and its SIP2 client, the simulated ILS,
// and the SIP2 codec for tools and tests.
export * from './ils-port';
export * from './errors';
export { Sip2Client, type Sip2ClientOptions } from './client/sip2-client';
export { type HysteresisOptions } from './client/link-monitor';
export { runConsoleCommand, describeReply, maskedReply, type ConsoleCommand, type ConsoleConnection, type ConsoleResult } from './console';

export { SimIls, loadSimData, type SimIlsOptions } from './sim/sim-ils';
export { startSimIls, type SimStartOptions } from './sim/start';
export { DEMO, DEMO_DATA } from './sim/demo-data';
export { parseSimData, SimDataError, type SimData, type SimItemData, type SimPatronData } from './sim/sim-data';
export { defaultLoanRules, type LoanRules, type RenewalCheck } from './sim/loan-rules';
export { policyLoanRules } from './sim/policy-loan-rules';
export { SimFaults, type DropPoint, type FaultSettings } from './sim/faults';
export { type SimItem, type SimPatron, SimState } from './sim/sim-state';

export { decodeSip2, encodeSip2, type DecodedSip2, type Sip2DecodeOptions, type Sip2EncodeOptions } from './sip2/codec';
export { Sip2EncodeError, Sip2ParseError, type Sip2ParseProblem } from './sip2/errors';
export { sip2Checksum } from './sip2/checksum';
export { formatSip2Date, parseSip2Date } from './sip2/dates';
export { maskCprLike, maskSip2 } from './sip2/trace';
export { maskSip2Fields } from './sip2/mask';
export { PATRON_STATUS_FLAGS } from './sip2/fixed';
export { type Sip2Encoding } from './sip2/text';
export type { Sip2Code, Sip2Message, Sip2MessageOf, Sip2Request, Sip2ResponseTo } from './sip2/messages';
