// Borrowing refused for the patron (fees over the limit, lost card, the library's own block):
// the reason in plain words, the fees, and that returns still work.
import { maskCpr } from '../app/privacy';
import type { ScreenOf, Send } from '../app/types';
import { ScreenFrame } from '../components/ScreenFrame';
import { useI18n } from '../i18n/i18n-context';
import { BORROWING_BLOCKS, reasonKey } from '../i18n/reasons';

export function BorrowBlockedScreen({ screen, send }: { screen: ScreenOf<'borrow-blocked'>; send: Send }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <ScreenFrame title={t('blocked.heading')} lead={screen.patronName ? t('blocked.greeting', { name: maskCpr(screen.patronName) }) : undefined}>
      <div className="notice notice--problem">
        <p className="notice__main">{t(reasonKey(BORROWING_BLOCKS, screen.reason, 'blocked.reason.fallback'))}</p>
        {screen.feesDkk > 0 ? <p className="fees">{t('blocked.fees', { amount: i18n.money(screen.feesDkk) })}</p> : null}
      </div>
      {screen.feesDkk > 0 ? <p>{t('blocked.payHint')}</p> : null}
      <p>{t('blocked.returnStillWorks')}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => send({ type: 'FINISH' })}>
          {t('blocked.done')}
        </button>
      </div>
    </ScreenFrame>
  );
}
