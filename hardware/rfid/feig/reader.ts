// A FEIG ISO host reader on a serial link: one command at a time, each with a time limit;
// inventory with the more-data loop, block reads and writes, AFI written and read back.
import { EventEmitter } from 'node:events';
import type { ReconnectOptions } from '../../reconnect';
import { type DeviceStatus, deviceStatus, type SerialBinding, SerialLink } from '../../serial';
import {
  type BlocksRead,
  type FeigRequest,
  type InventoryRecord,
  inventoryRequest,
  lockAfiRequest,
  parseInventoryData,
  parseReadBlocksData,
  parseSystemInfoData,
  readBlocksRequest,
  rfResetRequest,
  type SystemInformation,
  systemInfoRequest,
  type Uid,
  writeAfiRequest,
  writeBlocksRequest,
} from './commands';
import { AfiWriteError, FeigNotConnectedError, FeigStatusError, FeigTimeoutError } from './errors';
import { encodeFeigFrame, FEIG_BROADCAST_ADDRESS, type FeigFrameError, type FeigFrameFormat, type FeigReply, toReply } from './frame';
import { FeigFrameParser } from './parser';
import { FeigStatus } from './status';

export interface FeigReaderOptions {
  path: string;
  /** Default 38400 baud, 8 data bits, even parity, 1 stop bit (many FEIG readers; check yours). */
  baudRate?: number;
  dataBits?: 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  stopBits?: 1 | 2;
  /** COM-ADR; 0xFF (default) reaches any reader on a point-to-point line. */
  address?: number;
  frameFormat?: FeigFrameFormat;
  /** Time limit for one reply (default 1000 ms). */
  timeoutMs?: number;
  /** Inventory pages followed after status 0x94 before giving up (default 64). */
  maxInventoryPages?: number;
  /** User memory read for the data model: blocks x block size (default 8 x 4 = 32 bytes). */
  memoryBlocks?: number;
  blockSize?: number;
  /** Extra attempts when an AFI write does not read back (default 3). */
  afiRetries?: number;
  /** Consecutive unanswered commands before the status says 'error' (default 3). */
  silentLimit?: number;
  binding?: SerialBinding;
  reconnect?: ReconnectOptions | false;
}

export interface FeigReaderEvents {
  status: [DeviceStatus];
}

interface Pending {
  command: number;
  resolve(reply: FeigReply): void;
  reject(error: Error): void;
  lastFrameError?: FeigFrameError;
}

export class FeigReader extends EventEmitter<FeigReaderEvents> {
  readonly path: string;
  private readonly link: SerialLink;
  private readonly parser = new FeigFrameParser({ minPayload: 1 });
  private readonly address: number;
  private readonly format: FeigFrameFormat;
  private readonly timeoutMs: number;
  private readonly options: FeigReaderOptions;
  private chain: Promise<unknown> = Promise.resolve();
  private pending: Pending | null = null;
  private silent = 0;
  private current: DeviceStatus;

  constructor(options: FeigReaderOptions) {
    super();
    this.options = options;
    this.path = options.path;
    this.address = options.address ?? FEIG_BROADCAST_ADDRESS;
    this.format = options.frameFormat ?? 'standard';
    this.timeoutMs = options.timeoutMs ?? 1000;
    this.link = new SerialLink({
      path: options.path,
      baudRate: options.baudRate ?? 38400,
      dataBits: options.dataBits ?? 8,
      parity: options.parity ?? 'even',
      stopBits: options.stopBits ?? 1,
      ...(options.binding ? { binding: options.binding } : {}),
      ...(options.reconnect !== undefined ? { reconnect: options.reconnect } : {}),
    });
    this.current = this.link.status();
    this.link.on('data', (chunk) => this.onData(chunk));
    this.link.on('status', (status) => this.onLinkStatus(status));
  }

  /** Opens the serial link (a missing reader is retried in the background, not thrown). */
  open(): Promise<DeviceStatus> {
    return this.link.open().then(() => this.current);
  }

  async close(): Promise<void> {
    await this.link.close();
    this.pending?.reject(new FeigNotConnectedError(`${this.path} was closed`));
  }

  status(): DeviceStatus {
    return this.current;
  }

  get isConnected(): boolean {
    return this.link.isConnected;
  }

  whenConnected(timeoutMs?: number): Promise<void> {
    return this.link.whenConnected(timeoutMs);
  }

  async rfReset(): Promise<void> {
    await this.expectOk('RF reset', rfResetRequest());
  }

  /** Every tag in the field: follows status 0x94 (more data) until the reader has sent all. */
  async inventory(): Promise<InventoryRecord[]> {
    const records: InventoryRecord[] = [];
    const maxPages = this.options.maxInventoryPages ?? 64;
    let more = false;
    for (let page = 0; page < maxPages; page++) {
      const reply = await this.transact('inventory', inventoryRequest(more));
      if (reply.status === FeigStatus.noTransponder) return dedupe(records);
      if (reply.status !== FeigStatus.ok && reply.status !== FeigStatus.moreData) throw new FeigStatusError('inventory', reply.status);
      records.push(...parseInventoryData(reply.data));
      if (reply.status === FeigStatus.ok) return dedupe(records);
      more = true;
    }
    throw new FeigStatusError('inventory', FeigStatus.moreData);
  }

  async readBlocks(uid: Uid, firstBlock: number, count: number): Promise<BlocksRead> {
    const reply = await this.expectOk('read blocks', readBlocksRequest(uid, firstBlock, count));
    return parseReadBlocksData(reply.data);
  }

  /** The tag's user memory for the data model (32 bytes by default). */
  async readUserMemory(uid: Uid): Promise<Uint8Array> {
    return (await this.readBlocks(uid, 0, this.options.memoryBlocks ?? 8)).data;
  }

  async writeUserMemory(uid: Uid, data: Uint8Array, firstBlock = 0): Promise<void> {
    await this.expectOk('write blocks', writeBlocksRequest(uid, firstBlock, this.options.blockSize ?? 4, data));
  }

  async readSystemInformation(uid: Uid): Promise<SystemInformation> {
    return parseSystemInfoData((await this.expectOk('system information', systemInfoRequest(uid))).data);
  }

  async readAfi(uid: Uid): Promise<number> {
    return (await this.readSystemInformation(uid)).afi;
  }

  /** Writes the AFI and reads it back; retries until it reads back as written. */
  async writeAfi(uid: Uid, afi: number): Promise<void> {
    const attempts = 1 + (this.options.afiRetries ?? 3);
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await this.expectOk('write AFI', writeAfiRequest(uid, afi));
        const readBack = await this.readAfi(uid);
        if (readBack === (afi & 0xff)) return;
        lastError = new Error(`read back AFI 0x${readBack.toString(16).padStart(2, '0')}`);
      } catch (error) {
        if (error instanceof FeigNotConnectedError) throw error;
        lastError = error;
      }
    }
    throw new AfiWriteError(uid, afi & 0xff, attempts, lastError);
  }

  async lockAfi(uid: Uid): Promise<void> {
    await this.expectOk('lock AFI', lockAfiRequest(uid));
  }

  /** Sends one request and resolves with its reply, whatever the status. Queued: one at a time. */
  transact(name: string, request: FeigRequest): Promise<FeigReply> {
    const run = this.chain.then(() => this.exchange(name, request));
    // The caller gets `run` and its error; the queue itself only must not stay rejected.
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async expectOk(name: string, request: FeigRequest): Promise<FeigReply> {
    const reply = await this.transact(name, request);
    if (reply.status !== FeigStatus.ok) throw new FeigStatusError(name, reply.status);
    return reply;
  }

  private exchange(name: string, request: FeigRequest): Promise<FeigReply> {
    if (!this.link.isConnected) return Promise.reject(new FeigNotConnectedError(`${this.path} is not connected`));
    const frame = encodeFeigFrame({ format: this.format, address: this.address, ...request });
    // Bytes left over from an earlier, timed-out exchange must not pass for this reply.
    this.parser.reset();
    return new Promise<FeigReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        const lastFrameError = this.pending?.lastFrameError;
        this.pending = null;
        this.noteSilence(true);
        reject(new FeigTimeoutError(name, this.timeoutMs, lastFrameError));
      }, this.timeoutMs);
      this.pending = {
        command: request.command,
        resolve: (reply) => {
          clearTimeout(timer);
          this.pending = null;
          this.noteSilence(false);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          this.pending = null;
          reject(error);
        },
      };
      this.link.write(frame).catch((error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        this.pending?.reject(new FeigNotConnectedError(`${name}: ${detail}`));
      });
    });
  }

  private onData(chunk: Buffer): void {
    for (const output of this.parser.push(chunk)) {
      const pending = this.pending;
      if (!pending) continue;
      if ('error' in output) {
        pending.lastFrameError = output.error;
        continue;
      }
      // A reply to another command is a leftover; the one we wait for carries our CMD byte.
      if (output.frame.command !== pending.command || output.frame.payload.length === 0) continue;
      pending.resolve(toReply(output.frame));
    }
  }

  private onLinkStatus(status: DeviceStatus): void {
    this.parser.reset();
    this.silent = 0;
    if (status.state !== 'connected') this.pending?.reject(new FeigNotConnectedError(`${this.path}: ${status.detail ?? 'disconnected'}`));
    this.setStatus(status);
  }

  /** A connected link with a reader that never answers is an 'error' for diagnostics. */
  private noteSilence(silent: boolean): void {
    const limit = this.options.silentLimit ?? 3;
    this.silent = silent ? this.silent + 1 : 0;
    const link = this.link.status();
    if (link.state !== 'connected') return;
    if (this.silent >= limit && this.current.state !== 'error') {
      this.setStatus(deviceStatus('error', new Date(), `reader not answering (${this.silent} commands timed out)`));
    } else if (this.silent === 0 && this.current.state === 'error') {
      this.setStatus(deviceStatus('connected', new Date()));
    }
  }

  private setStatus(status: DeviceStatus): void {
    this.current = status;
    this.emit('status', status);
  }
}

/** A tag answering on two pages is still one tag. */
function dedupe(records: InventoryRecord[]): InventoryRecord[] {
  const seen = new Set<string>();
  return records.filter((record) => (seen.has(record.uid) ? false : (seen.add(record.uid), true)));
}
