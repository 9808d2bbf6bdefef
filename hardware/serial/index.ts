// The serial transport: link (open/write/read/reconnect/modem status), framing.
export { type DeviceState, type DeviceStatus, deviceStatus } from '../device-status';
export { SerialLinkError, type SerialLinkErrorCode } from './errors';
export { EndOfDeviceError } from './unix-port-read';
export type { PortStatus, SerialBinding, SerialBindingPort, SerialOpenOptions, SerialPortInfo } from './binding';
export { SerialLink, type SerialLinkEvents, type SerialLinkOptions } from './serial-link';
export { LineFramer, encodeLine, suffixBytes, type LineFramerOptions, type LineSuffix } from './line-framer';
export { InterByteTimeoutFramer, type InterByteTimeoutOptions, type Timers } from './inter-byte-timeout';
export { SerialSimulator, SIMULATOR_RECONNECT } from './serial-simulator';
export { openPtyPair, socatAvailable, PtyUnavailableError, type PtyPair, type PtyPairOptions } from './pty-pair';
