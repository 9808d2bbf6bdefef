// Unit-test wiring: a FeigReader on FakeSerialBinding whose device answers through the
// simulator core, so driver, parser and simulator logic meet without a pty.
import { FakeSerialBinding, type FakeSerialDevice } from '../serial/fake-binding.testkit';
import { encodeFeigReply } from './feig/frame';
import { FeigFrameParser } from './feig/parser';
import { FeigReader, type FeigReaderOptions } from './feig/reader';
import { FeigSimulatorCore, type FeigSimulatorCoreOptions } from './simulator/feig-simulator-core';

export interface FakeFeig {
  reader: FeigReader;
  core: FeigSimulatorCore;
  device: FakeSerialDevice;
  /** Replace to tamper with replies (drop one, corrupt one...). */
  transformReply: (reply: Uint8Array) => Uint8Array | null;
}

export async function fakeFeig(options: Partial<FeigReaderOptions> & FeigSimulatorCoreOptions = {}): Promise<FakeFeig> {
  const binding = new FakeSerialBinding();
  const path = '/dev/ttyFEIG';
  const device = binding.device(path);
  const core = new FeigSimulatorCore(options);
  const parser = new FeigFrameParser();
  const fake: FakeFeig = {
    core,
    device,
    transformReply: (reply) => reply,
    reader: new FeigReader({ timeoutMs: 200, reconnect: false, ...options, path, binding }),
  };
  device.onWrite = (bytes) => {
    for (const output of parser.push(bytes)) {
      if (!('frame' in output)) continue;
      const reply = fake.transformReply(encodeFeigReply(core.handle(output.frame)));
      if (reply) queueMicrotask(() => device.send(reply));
    }
  };
  await fake.reader.open();
  return fake;
}
