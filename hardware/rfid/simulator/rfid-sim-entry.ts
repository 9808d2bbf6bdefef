// `kiosk simulate rfid`: a simulated FEIG reader on a fresh pty pair whose driver end is at the
// link path, with commands to place and remove tagged items by hand.
import { AFI_IN_LIBRARY } from '../../../policy';
import { SimulatorCommandError, type SimulatorEntry, startOnPty } from '../../simulator-entry';
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
const isUid = (uid: string) => /^[0-9A-Fa-f]{16}$/.test(uid);

/** Puts one tagged item on the pad; a bad UID or unencodable item is the technician's error. */
function placeItem(sim: FeigSimulator, uid: string, itemId: string, partNumber: number, partsInSet: number, afi: number): void {
  if (!isUid(uid)) throw new SimulatorCommandError('a UID is 16 hex digits');
  try {
    sim.placeTag(simulatedTag(uid, { usage: 'circulating', partsInSet, partNumber, itemId, country: 'DK' }, afi));
  } catch (error) {
    if (error instanceof TagEncodeError) throw new SimulatorCommandError(error.message);
    throw error;
  }
}

function place(sim: FeigSimulator, args: string[]): string {
  const [uid = '', itemId = '', set = '1/1', afi = AFI_IN_LIBRARY.toString(16)] = args;
  const [part, of] = set.split('/').map(Number);
  if (!itemId || !part || !of) throw new SimulatorCommandError('usage: place <uid> <item id> [part/of] [afi hex]');
  placeItem(sim, uid, itemId, part, of, Number.parseInt(afi, 16));
  return `placed ${uid.toUpperCase()} (${itemId}, part ${part} of ${of})`;
}

function stack(sim: FeigSimulator, args: string[]): string {
  const count = Number(args[0]);
  if (!Number.isInteger(count) || count < 1 || count > 64) throw new SimulatorCommandError('stack takes a count from 1 to 64');
  for (let n = 1; n <= count; n++) placeItem(sim, stackUid(n), `${args[1] ?? 'ITEM'}${n}`, 1, 1, AFI_IN_LIBRARY);
  return `placed ${count} items`;
}

function blank(sim: FeigSimulator, args: string[]): string {
  if (!isUid(args[0] ?? '')) throw new SimulatorCommandError('a UID is 16 hex digits');
  sim.placeTag({ uid: args[0]!, memory: new Uint8Array(32), afi: AFI_IN_LIBRARY });
  return `placed blank tag ${args[0]!.toUpperCase()}`;
}

function list(sim: FeigSimulator): string {
  const tags = sim.tags().map((tag) => {
    const decoded = tryDecodeTag(tag.memory);
    const what = decoded.ok ? `${decoded.tag.itemId} ${decoded.tag.partNumber}/${decoded.tag.partsInSet}` : `unreadable (${decoded.error.reason})`;
    return `${tag.uid} ${what} AFI 0x${tag.afi.toString(16).padStart(2, '0')}`;
  });
  return tags.length ? tags.join('\n') : 'the pad is empty';
}

function afiFail(sim: FeigSimulator, args: string[]): string {
  const times = Number(args[0]);
  const mode = args[1] ?? 'status';
  if (!Number.isInteger(times) || times < 0 || (mode !== 'status' && mode !== 'not-applied')) {
    throw new SimulatorCommandError('usage: afi-fail <n> [status|not-applied]');
  }
  sim.failAfiWrites(times, mode);
  return `the next ${times} AFI writes fail (${mode})`;
}

/** One command line typed at `kiosk simulate rfid` (see HELP). */
function runCommand(sim: FeigSimulator, line: string): string {
  const [verb, ...args] = line.trim().split(/\s+/);
  switch (verb) {
    case 'place':
      return place(sim, args);
    case 'stack':
      return stack(sim, args);
    case 'blank':
      return blank(sim, args);
    case 'remove':
      return sim.removeTag(args[0] ?? '') ? `removed ${args[0]!.toUpperCase()}` : `no tag ${args[0] ?? ''} on the pad`;
    case 'clear':
      sim.core.clear();
      return 'pad cleared';
    case 'list':
      return list(sim);
    case 'afi-fail':
      return afiFail(sim, args);
    default:
      throw new SimulatorCommandError(`unknown command '${line.trim()}'`);
  }
}

export const rfidSimulatorEntry: SimulatorEntry = {
  summary: 'FEIG ISO host RFID reader with library tags (ISO 28560-3, Danish data model)',
  async start(linkPath) {
    const { sim, stop } = await startOnPty(linkPath, (path) => new FeigSimulator({ path, timing: true }));
    return {
      name: 'rfid',
      devicePath: linkPath,
      help: HELP,
      async command(line) {
        return runCommand(sim, line);
      },
      stop,
    };
  },
};
