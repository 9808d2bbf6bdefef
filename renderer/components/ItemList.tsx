// The items on the pad during borrowing or a return: each with its result in plain words.
import { maskCpr } from '../app/privacy';
import type { ItemView } from '../app/types';
import { useI18n } from '../i18n/i18n-context';
import { CHECKIN_REFUSALS, CHECKOUT_REFUSALS, DESTINATIONS, reasonKey } from '../i18n/reasons';
import type { Translator } from '../i18n/translate';

export type ItemListKind = 'checkout' | 'return';
type Tone = 'ok' | 'pending' | 'problem';

const TONE: Record<ItemView['status'], Tone> = {
  waiting: 'pending',
  processing: 'pending',
  'incomplete-set': 'problem',
  unreadable: 'problem',
  borrowed: 'ok',
  renewed: 'ok',
  returned: 'ok',
  refused: 'problem',
};

const ICON: Record<Tone, string> = { ok: '✓', pending: '…', problem: '!' };

function itemTitle(item: ItemView, i18n: Translator): string {
  if (item.title !== undefined && item.title !== '') return maskCpr(item.title);
  return item.itemId === null ? i18n.t('item.unknown') : i18n.t('item.untitled', { id: maskCpr(item.itemId) });
}

function statusText(item: ItemView, kind: ItemListKind, i18n: Translator): string {
  const { t } = i18n;
  switch (item.status) {
    case 'waiting':
    case 'processing':
    case 'unreadable':
    case 'returned':
      return t(`item.status.${item.status}`);
    case 'incomplete-set':
      return t('item.status.incomplete-set', { present: item.partsPresent, total: item.partsInSet });
    case 'borrowed':
    case 'renewed':
      // Offline loans get their due date from the ILS when the queue is replayed.
      if (item.dueDate === undefined || item.dueDate === '') return t('item.status.borrowedOffline');
      return t(`item.status.${item.status}`, { date: i18n.date(item.dueDate) });
    case 'refused':
      return kind === 'checkout'
        ? t('item.status.refused', { reason: t(reasonKey(CHECKOUT_REFUSALS, item.reason, 'refusal.fallback')) })
        : t('item.status.notReturned', { reason: t(reasonKey(CHECKIN_REFUSALS, item.reason, 'refusal.fallback')) });
  }
}

/** Where a returned item goes; anything but the ordinary shelf asks the patron to act. */
function destinationText(item: ItemView, i18n: Translator): string | null {
  if (item.status !== 'returned' || item.destination === undefined) return null;
  if (item.destination === 'other-branch' && item.branch) return i18n.t('destination.other-branch-named', { branch: maskCpr(item.branch) });
  if (item.destination === 'sort-bin' && item.sortBin) return i18n.t('destination.sort-bin-named', { bin: maskCpr(item.sortBin) });
  return i18n.t(reasonKey(DESTINATIONS, item.destination, 'destination.alert'));
}

export function ItemRow({ item, kind }: { item: ItemView; kind: ItemListKind }) {
  const i18n = useI18n();
  const tone = TONE[item.status] ?? 'problem';
  const destination = destinationText(item, i18n);
  const special = item.destination !== undefined && item.destination !== 'shelf';
  return (
    <li className={`item item--${tone}`}>
      <span className={`item__badge item__badge--${tone}`} aria-hidden="true">
        {ICON[tone]}
      </span>
      <div className="item__body">
        <p className="item__title">
          {itemTitle(item, i18n)}
          {item.partsInSet > 1 ? <span className="item__parts"> ({i18n.t('item.parts', { n: item.partsInSet })})</span> : null}
        </p>
        <p className="item__status">{statusText(item, kind, i18n)}</p>
        {destination === null ? null : <p className={special ? 'item__destination item__destination--act' : 'item__destination'}>{destination}</p>}
      </div>
    </li>
  );
}

export function ItemList({ items, kind, emptyText }: { items: ItemView[]; kind: ItemListKind; emptyText: string }) {
  if (items.length === 0) return <p className="items__empty">{emptyText}</p>;
  return (
    <ul className="items" aria-live="polite">
      {items.map((item) => (
        <ItemRow key={item.key} item={item} kind={kind} />
      ))}
    </ul>
  );
}
