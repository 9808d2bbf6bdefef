// Card readers: cards (masked), the parser, serial and keyboard-wedge drivers, simulators.
export { HealthCard, LibraryCard, maskCardNumber, type Card, type CardParseResult, type CardRejectReason, type CardRejection, type HealthCardSource } from './card';
export { parseCardData, type CardParserOptions } from './card-parser';
export { CardReads, type CardReadOptions, type CardReadSink } from './card-reads';
export type { CardReader, CardReaderEvents } from './card-reader';
export { SerialCardReader, type SerialCardReaderOptions } from './serial-card-reader';
export { HidCardReader, type HidCardReaderOptions } from './hid-card-reader';
export { HidWedgeSimulator, SerialCardReaderSimulator, cardText, simCardFrom, type HealthCardFormat, type SimCard, type SerialCardReaderSimulatorOptions } from './card-reader-sim';
export { decodeDanish7bit, encodeDanish7bit, encodeTrack1, encodeTrack2, parseTrack1, track2Fields, TRACK2_LENGTH, type Track1, type Track2Field } from './magstripe';
