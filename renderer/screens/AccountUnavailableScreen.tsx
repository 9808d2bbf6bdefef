// My account could not be fetched: say so, and that borrowing and returns still work.
import type { Send } from '../app/types';
import { ScreenFrame } from '../components/ScreenFrame';
import { useI18n } from '../i18n/i18n-context';

export function AccountUnavailableScreen({ send }: { send: Send }) {
  const { t } = useI18n();
  return (
    <ScreenFrame title={t('account.unavailable.heading')} className="screen--message">
      <p>{t('account.unavailable.text')}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => send({ type: 'DONE' })}>
          {t('account.done')}
        </button>
      </div>
    </ScreenFrame>
  );
}
