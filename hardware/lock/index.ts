// Door lock relays (dcttech HID, LCUS serial), the lock with its release guarantees, the
// door contact, and simulators.
export { LockError, type LockErrorCode, type Relay, type RelayConfirmation, type RelayEvents, type RelayOffTarget } from './relay';
export { ReleaseWatchdog, type ReleaseWatchdogEvents } from './release-watchdog';
export { DoorLock, type DoorLockEvents, type DoorLockOptions, type LockReason } from './door-lock';
export { HidRelay, type HidRelayOptions } from './hid-relay';
export { LcusRelay, type LcusRelayOptions } from './lcus-relay';
export { DoorContact, type ContactSource, type DoorContactEvents, type DoorContactOptions, type DoorEvent, type DoorState } from './door-contact';
export { ManualContact, ModemLineContact, type ModemLine, type ModemLineContactOptions } from './contact-sources';
export { HidRelaySimulator, LcusRelaySimulator, type HidRelaySimulatorOptions, type RelaySimEvents, type RelaySwitch } from './relay-sims';
export { LcusDecoder, encodeLcus, type LcusFrame } from './lcus-codec';
export { DCTTECH_PRODUCT_ID, DCTTECH_VENDOR_ID, decodeRelayState, encodeAllCommand, encodeRelayCommand, encodeRelayState, relayIsOn, type RelayBoardState } from './dcttech-codec';
