// The simulated ILS's data file: who the patrons are and which items exist (README.md
// documents it). Validated at load with a clear message naming the wrong key.
import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const SimPatronData = z.strictObject({
  id: z.string().min(1),
  pin: z.string().min(1),
  name: z.string().min(1),
  birthDate: isoDay.optional(),
  feesDkk: z.number().nonnegative().optional(),
  cardLost: z.boolean().optional(),
  excludedFromUnstaffed: z.boolean().optional(),
  category: z.string().min(1).optional(),
});
export type SimPatronData = z.infer<typeof SimPatronData>;

export const SimItemData = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  author: z.string().optional(),
  /** Policy material types: book, music, quick-loan, magazine, film, video-game, other. */
  materialType: z.string().min(1).optional(),
  partsInSet: z.number().int().min(1).optional(),
  onLoanTo: z.string().min(1).optional(),
  dueDate: isoDay.optional(),
  reservedBy: z.string().min(1).optional(),
  interlibrary: z.boolean().optional(),
  homeBranch: z.string().min(1).optional(),
});
export type SimItemData = z.infer<typeof SimItemData>;

export const SimData = z
  .strictObject({
    /** The AO the simulator answers to (an ISIL such as DK-775100 for FBS). */
    institution: z.string().min(1),
    /** This branch's name; items with another homeBranch are sent there at checkin. */
    branch: z.string().min(1).optional(),
    libraryName: z.string().min(1).optional(),
    /** When set, the simulator itself refuses checkouts once fees reach this amount. */
    feeLimitDkk: z.number().nonnegative().optional(),
    patrons: z.array(SimPatronData),
    items: z.array(SimItemData),
  })
  .superRefine((data, ctx) => {
    const patronIds = new Set<string>();
    data.patrons.forEach((p, i) => {
      if (patronIds.has(p.id)) ctx.addIssue({ code: 'custom', path: ['patrons', i, 'id'], message: 'duplicate patron id' });
      patronIds.add(p.id);
    });
    const itemIds = new Set<string>();
    data.items.forEach((item, i) => {
      if (itemIds.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'duplicate item id' });
      itemIds.add(item.id);
      for (const key of ['onLoanTo', 'reservedBy'] as const) {
        const who = item[key];
        if (who !== undefined && !patronIds.has(who)) ctx.addIssue({ code: 'custom', path: ['items', i, key], message: 'no patron has this id' });
      }
    });
  });
export type SimData = z.infer<typeof SimData>;

export class SimDataError extends Error {
  override name = 'SimDataError';
}

/** Validates parsed JSON; the error lists each wrong key (never a PIN's value). */
export function parseSimData(json: unknown, source = 'data file'): SimData {
  const result = SimData.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  throw new SimDataError(`${source} is not valid simulated-ILS data:\n  ${problems.join('\n  ')}`);
}
