// `kiosk simulate rfid`: a simulated FEIG reader on a fresh pty pair whose driver end is at the
// link path, with commands to place and remove tagged items by hand.
import { openPtyPair } from '../../serial/pty-pair';
import { SimulatorCommandError, type SimulatorEntry } from '../../simulator-entry';
import { TagEncodeError, tryDecodeTag } from '../tag-codec';
import { FeigSimulator } from './feig-simulator';
import { simulatedTag } from './feig-simulator-core';

const HELP = [
  'place <uid> <item id> [part/of] [afi hex]  put a tagged item on the pad (uid: 16 hex digits)',
  'stack <n> [item prefix]                    put n single-part items on the pad at once',
  'blank <uid>                                put a tag with blank (unreadable) data on the pad',
  'remove <uid> | clear                       take one item or everything off the pad',
  'list                                       the tags on the pad with item id and AFI',
  'afi-fail <n> [status|not-applied]          make the next n AFI writes fail',
];

const stackUid = (n: number) => `E00401FF${n.toString(16).toUpperCase().padStart(8, '0')}`;

export const rfidSimulatorEntry: SimulatorEntry = {
  summary: 'FEIG ISO host RFID reader with library tags (ISO 28560-3, Danish data model)',
  async start(linkPath) {
    const pair = await openPtyPair({ deviceLink: linkPath });
    const sim = new FeigSimulator({ path: pair.simulatorPath, timing: true });
    try {
      await sim.start();
    } catch (error) {
      await pair.close();
      throw error;
    }
    const place = (uid: string, itemId: string, partNumber: number, partsInSet: number, afi: number) => {
      if (!/^[0-9A-Fa-f]{16}$/.test(uid)) throw new SimulatorCommandError('a UID is 16 hex digits');
      try {
        sim.placeTag(simulatedTag(uid, { usage: 'circulating', partsInSet, partNumber, itemId, country: 'DK' }, afi));
      } catch (error) {
        if (error instanceof TagEncodeError) throw new SimulatorCommandError(error.message);
        throw error;
      }
    };
    return {
      name: 'rfid',
      devicePath: linkPath,
      help: HELP,
      async command(line) {
        const [verb, ...args] = line.trim().split(/\s+/);
        switch (verb) {
          case 'place': {
            const [uid = '', itemId = '', set = '1/1', afi = '07'] = args;
            const [part, of] = set.split('/').map(Number);
            if (!itemId || !part || !of) throw new SimulatorCommandError('usage: place <uid> <item id> [part/of] [afi hex]');
            place(uid, itemId, part, of, Number.parseInt(afi, 16));
            return `placed ${uid.toUpperCase()} (${itemId}, part ${part} of ${of})`;
          }
          case 'stack': {
            const count = Number(args[0]);
            if (!Number.isInteger(count) || count < 1 || count > 64) throw new SimulatorCommandError('stack takes a count from 1 to 64');
            for (let n = 1; n <= count; n++) place(stackUid(n), `${args[1] ?? 'ITEM'}${n}`, 1, 1, 0x07);
            return `placed ${count} items`;
          }
          case 'blank':
            if (!/^[0-9A-Fa-f]{16}$/.test(args[0] ?? '')) throw new SimulatorCommandError('a UID is 16 hex digits');
            sim.placeTag({ uid: args[0]!, memory: new Uint8Array(32), afi: 0x07 });
            return `placed blank tag ${args[0]!.toUpperCase()}`;
          case 'remove':
            return sim.removeTag(args[0] ?? '') ? `removed ${args[0]!.toUpperCase()}` : `no tag ${args[0] ?? ''} on the pad`;
          case 'clear':
            sim.core.clear();
            return 'pad cleared';
          case 'list': {
            const tags = sim.tags().map((tag) => {
              const decoded = tryDecodeTag(tag.memory);
              const what = decoded.ok ? `${decoded.tag.itemId} ${decoded.tag.partNumber}/${decoded.tag.partsInSet}` : `unreadable (${decoded.error.reason})`;
              return `${tag.uid} ${what} AFI 0x${tag.afi.toString(16).padStart(2, '0')}`;
            });
            return tags.length ? tags.join('\n') : 'the pad is empty';
          }
          case 'afi-fail': {
            const times = Number(args[0]);
            const mode = args[1] ?? 'status';
            if (!Number.isInteger(times) || times < 0 || (mode !== 'status' && mode !== 'not-applied')) {
              throw new SimulatorCommandError('usage: afi-fail <n> [status|not-applied]');
            }
            sim.failAfiWrites(times, mode);
            return `the next ${times} AFI writes fail (${mode})`;
          }
          default:
            throw new SimulatorCommandError(`unknown command '${line.trim()}'`);
        }
      },
      async stop() {
        await sim.stop();
        await pair.close();
      },
    };
  },
};
