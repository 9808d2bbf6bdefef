import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSerialBinding } from '../serial/fake-binding.testkit';
import { ManualContact, ModemLineContact } from './contact-sources';
import { DoorContact } from './door-contact';

describe('DoorContact', () => {
  let contact: DoorContact | undefined;
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-03-01T22:00:00Z') });
  });
  afterEach(async () => {
    await contact?.close();
    vi.useRealTimers();
  });

  function setUp(options: { authorized?: () => boolean; heldOpenMs?: number } = {}) {
    const source = new ManualContact(true);
    contact = new DoorContact({ source, isAuthorized: options.authorized ?? (() => true), pollMs: 100, heldOpenMs: options.heldOpenMs ?? 30_000 });
    const events: string[] = [];
    contact.on('closed', () => events.push('closed'));
    contact.on('opened', (e) => events.push(`opened:${e.authorized}`));
    contact.on('forced-open', () => events.push('forced-open'));
    contact.on('held-open-too-long', (e) => events.push(`held-open-too-long:${e.openSince.toISOString()}`));
    return { source, contact, events };
  }

  it('reports an authorized opening and the closing, after two equal readings', async () => {
    const { source, contact, events } = setUp();
    await contact.open();
    expect(contact.state).toBe('closed');
    source.openDoor();
    await vi.advanceTimersByTimeAsync(100);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(events).toEqual(['opened:true']);
    source.closeDoor();
    await vi.advanceTimersByTimeAsync(200);
    expect(events).toEqual(['opened:true', 'closed']);
  });

  it('a contact that cannot be read is an error status, told once, and clears when it reads again', async () => {
    const { source, contact } = setUp();
    await contact.open();
    const statuses: string[] = [];
    contact.on('status', (s) => statuses.push(`${s.state}${s.detail ? `: ${s.detail}` : ''}`));
    const read = vi.spyOn(source, 'readClosed').mockRejectedValue(new Error('TIOCMGET: EIO'));
    await vi.advanceTimersByTimeAsync(300);
    expect(contact.state).toBe('unknown');
    expect(contact.status()).toMatchObject({ state: 'error', detail: 'door contact cannot be read: TIOCMGET: EIO' });
    expect(statuses).toEqual(['error: door contact cannot be read: TIOCMGET: EIO']);
    read.mockRestore();
    await vi.advanceTimersByTimeAsync(100);
    expect(contact.status().state).toBe('connected');
    expect(statuses).toEqual(['error: door contact cannot be read: TIOCMGET: EIO', 'connected']);
  });

  it('ignores a one-reading bounce', async () => {
    const { source, contact, events } = setUp();
    await contact.open();
    source.openDoor();
    await vi.advanceTimersByTimeAsync(100);
    source.closeDoor();
    await vi.advanceTimersByTimeAsync(500);
    expect(events).toEqual([]);
  });

  it('reports forced-open when the door opens while not released', async () => {
    const { source, contact, events } = setUp({ authorized: () => false });
    await contact.open();
    source.openDoor();
    await vi.advanceTimersByTimeAsync(200);
    expect(events).toEqual(['opened:false', 'forced-open']);
  });

  it('reports held-open-too-long once per opening', async () => {
    const { source, contact, events } = setUp({ heldOpenMs: 1000 });
    await contact.open();
    source.openDoor();
    await vi.advanceTimersByTimeAsync(200); // opened at 22:00:00.200
    await vi.advanceTimersByTimeAsync(999);
    expect(events).toEqual(['opened:true']);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(events).toEqual(['opened:true', 'held-open-too-long:2025-03-01T22:00:00.200Z']);
  });

  it('a door found open at start-up is open but raises no opened/forced-open', async () => {
    const source = new ManualContact(false);
    contact = new DoorContact({ source, isAuthorized: () => false });
    const forced = vi.fn();
    contact.on('forced-open', forced);
    await contact.open();
    expect(contact.state).toBe('open');
    expect(forced).not.toHaveBeenCalled();
  });

  it('an unreadable contact makes the state unknown', async () => {
    const { source, contact } = setUp();
    await contact.open();
    source.unplug();
    await vi.advanceTimersByTimeAsync(100);
    expect(contact.state).toBe('unknown');
    expect(contact.status().state).toBe('disconnected');
  });
});

describe('ModemLineContact', () => {
  it('reads the configured modem line, active high or low', async () => {
    const binding = new FakeSerialBinding();
    const port = binding.device('/dev/ttyS0');
    const dsr = new ModemLineContact({ path: '/dev/ttyS0', line: 'dsr', binding });
    await dsr.open();
    port.modem = { cts: false, dsr: true, dcd: false };
    expect(await dsr.readClosed()).toBe(true);
    const dcdLow = new ModemLineContact({ link: dsr.link, line: 'dcd', closedWhen: false });
    expect(await dcdLow.readClosed()).toBe(true);
    port.modem = { cts: false, dsr: false, dcd: true };
    expect(await dsr.readClosed()).toBe(false);
    expect(await dcdLow.readClosed()).toBe(false);
    await dcdLow.close(); // shared link: stays open
    expect(dsr.link.isConnected).toBe(true);
    await dsr.close();
  });

  it('feeds the door contact events from the modem line', async () => {
    vi.useFakeTimers();
    const binding = new FakeSerialBinding();
    const port = binding.device('/dev/ttyS1');
    port.modem = { cts: true, dsr: false, dcd: false };
    const contact = new DoorContact({ source: new ModemLineContact({ path: '/dev/ttyS1', line: 'cts', binding }), isAuthorized: () => false, pollMs: 50 });
    const forced = vi.fn();
    contact.on('forced-open', forced);
    await contact.open();
    port.modem = { cts: false, dsr: false, dcd: false };
    await vi.advanceTimersByTimeAsync(100);
    expect(forced).toHaveBeenCalledTimes(1);
    await contact.close();
    vi.useRealTimers();
  });
});
