import { describe, expect, it } from 'vitest';
import { hashTechnicianCode, isTechnicianCode, technicianPseudoCard, verifyTechnicianCode } from './technician-code';

const FAST = { N: 1024, r: 8, p: 1 };

describe('technician code hash', () => {
  it('is scrypt with a fresh salt, and verifies only the code that made it', async () => {
    const a = await hashTechnicianCode('246810', FAST);
    const b = await hashTechnicianCode('246810', FAST);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('246810');
    expect(await verifyTechnicianCode('246810', a)).toBe(true);
    expect(await verifyTechnicianCode('246811', a)).toBe(false);
    expect(await verifyTechnicianCode('246810', 'scrypt$broken')).toBe(false);
  });

  it('uses the PIN cost by default', async () => {
    expect(await hashTechnicianCode('12345678')).toMatch(/^scrypt\$16384\$8\$1\$/);
  });

  it.each(['12345', '1234567890123', '24681a', ' 246810', ''])('refuses %j as a code', async (code) => {
    expect(isTechnicianCode(code)).toBe(false);
    await expect(hashTechnicianCode(code, FAST)).rejects.toThrow('6 to 12 digits');
  });

  it('names a pseudo card per place that no card number can collide with', () => {
    expect(technicianPseudoCard('door-1')).toBe('technician:door-1');
  });
});
