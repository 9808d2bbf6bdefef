// The loan receipt: every item borrowed (or renewed) in this session, with its due date.
import type { CheckoutOutcome, ReceiptLine } from '../ports';
import type { ItemEntry } from '../shared/items';

export function receiptLines(items: readonly ItemEntry<CheckoutOutcome>[]): ReceiptLine[] {
  const lines: ReceiptLine[] = [];
  for (const item of items) {
    if (item.outcome?.ok === true) {
      lines.push({ itemId: item.outcome.itemId, title: item.outcome.title, dueDate: item.outcome.dueDate });
    }
  }
  return lines;
}
