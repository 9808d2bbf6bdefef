// Receipt or not; printing is offered only when the printer can print.
import type { ScreenOf, Send } from '../app/types';
import { ScreenFrame } from '../components/ScreenFrame';
import { useI18n } from '../i18n/i18n-context';

export function ReceiptChoiceScreen({ screen, send }: { screen: ScreenOf<'receipt-choice'>; send: Send }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <ScreenFrame title={t('receipt.heading')} lead={i18n.plural(screen.kind === 'checkout' ? 'receipt.summary.checkout' : 'receipt.summary.return', screen.count)}>
      {screen.printerReady ? null : <p className="notice notice--problem">{t('receipt.printerNotReady')}</p>}
      <div className="actions">
        <button type="button" className="button button--primary" disabled={!screen.printerReady} onClick={() => send({ type: 'PRINT_RECEIPT' })}>
          {t('receipt.print')}
        </button>
        <button type="button" className={screen.printerReady ? 'button button--secondary' : 'button button--primary'} onClick={() => send({ type: 'NO_RECEIPT' })}>
          {t('receipt.none')}
        </button>
      </div>
    </ScreenFrame>
  );
}
