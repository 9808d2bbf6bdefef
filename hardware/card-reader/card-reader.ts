// The CardReader port's shape shared by the serial and the keyboard-wedge drivers.
import type { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../device-status';
import type { Card, CardRejection } from './card';

export interface CardReaderEvents {
  card: [Card];
  rejected: [CardRejection];
  status: [DeviceStatus];
}

export interface CardReader extends EventEmitter<CardReaderEvents> {
  open(): Promise<DeviceStatus>;
  close(): Promise<void>;
  status(): DeviceStatus;
}
