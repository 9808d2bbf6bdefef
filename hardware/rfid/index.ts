// The RFID pad: ISO 28560-3 tag codec, FEIG ISO host reader, presence tracking, sets, simulator.
export { crc16CcittFalse } from './tag-crc';
export {
  decodeTag,
  encodeTag,
  tagCrc,
  tryDecodeTag,
  TAG_MEMORY_SIZE,
  TagDecodeError,
  TagEncodeError,
  type LibraryTag,
  type LibraryTagFields,
  type NamedUsageType,
  type TagDecodeReason,
  type TagDecodeResult,
  type UsageType,
} from './tag-codec';
export { feigCrc16 } from './feig/crc';
export {
  encodeFeigFrame,
  encodeFeigReply,
  toReply,
  FeigFrameError,
  FEIG_BROADCAST_ADDRESS,
  type FeigFrame,
  type FeigFrameErrorReason,
  type FeigFrameFormat,
  type FeigReply,
} from './feig/frame';
export { FeigFrameParser, type FeigFrameParserOptions, type FeigParserOutput } from './feig/parser';
export { FeigStatus, feigStatusName } from './feig/status';
export * from './feig/commands';
export { AfiWriteError, FeigNotConnectedError, FeigReplyError, FeigStatusError, FeigTimeoutError } from './feig/errors';
export { FeigReader, type FeigReaderEvents, type FeigReaderOptions } from './feig/reader';
export { TagPresenceTracker, type PresenceChange, type PresenceOptions } from './presence';
export { groupItemSets, type ItemSet, type TaggedPart } from './item-sets';
export { RfidPad, TagReadError, type PadReader, type PlacedItem, type RfidPadEvents, type RfidPadOptions } from './rfid-pad';
export {
  FeigSimulatorCore,
  simulatedTag,
  type AfiFailureMode,
  type FeigSimulatorCoreOptions,
  type SimulatedTag,
} from './simulator/feig-simulator-core';
export { FeigSimulator, startRfidSimulator, type FeigSimulatorOptions, type SerialTiming } from './simulator/feig-simulator';
