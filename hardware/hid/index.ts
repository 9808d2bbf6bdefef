// USB HID: the HidDevice seam, a reconnecting connection, boot keyboard decoding.
export { type HidDevice, type HidDeviceEvents, type HidDeviceInfo, type HidOpener, type HidSelector, describeSelector, hex4, listHidDevices, openNodeHid } from './hid-device';
export { HidConnection, HidError, type HidConnectionEvents, type HidConnectionOptions, type HidErrorCode } from './hid-connection';
export { BootKeyboardDecoder, bootReport, keyFor, typeReports, type BootReportResult, type KeyPress } from './boot-keyboard';
export { KeyboardSimulator } from './keyboard-simulator';
