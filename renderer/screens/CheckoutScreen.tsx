// Borrowing: items appear as they are placed, each with its result and due date.
import { maskCpr } from '../app/privacy';
import type { ScreenOf, Send } from '../app/types';
import { ItemList } from '../components/ItemList';
import { ScreenFrame } from '../components/ScreenFrame';
import { useI18n } from '../i18n/i18n-context';

export function CheckoutScreen({ screen, send }: { screen: ScreenOf<'checkout'>; send: Send }) {
  const i18n = useI18n();
  const { t } = i18n;
  const borrowed = screen.items.filter((i) => i.status === 'borrowed' || i.status === 'renewed').length;
  return (
    <ScreenFrame
      title={t('checkout.heading')}
      lead={screen.patronName ? t('checkout.greeting', { name: maskCpr(screen.patronName) }) : undefined}
      busy={screen.busy}
      className="screen--items"
    >
      <p className="instruction">{t('checkout.placeItems')}</p>
      <ItemList items={screen.items} kind="checkout" emptyText={t('checkout.empty')} />
      <div className="actions actions--end">
        {borrowed > 0 ? <p className="tally">{i18n.plural('checkout.borrowed', borrowed)}</p> : null}
        {screen.finishing ? (
          <p className="notice" role="status">
            {t('checkout.finishing')}
          </p>
        ) : null}
        <button type="button" className="button button--primary" disabled={screen.finishing} onClick={() => send({ type: 'FINISH' })}>
          {t('checkout.finish')}
        </button>
      </div>
    </ScreenFrame>
  );
}
