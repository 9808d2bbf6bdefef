// The start screen: borrow, return, my account (not while the library system is offline), and
// a small service entry for technicians.
import type { ScreenOf, Send } from '../app/types';
import { ScreenFrame } from '../components/ScreenFrame';
import { TechnicianEntry } from '../components/TechnicianEntry';
import { useI18n } from '../i18n/i18n-context';

export function StartScreen({ screen, send }: { screen: ScreenOf<'start'>; send: Send }) {
  const { t } = useI18n();
  return (
    <ScreenFrame title={t('start.heading')} lead={t('start.lead')} className="screen--start">
      {screen.notice !== null ? (
        <p className="notice notice--problem" role="alert">
          {t(screen.notice === 'technician-locked' ? 'start.technicianLocked' : 'start.technicianRefused')}
        </p>
      ) : null}
      <div className="choices">
        <button type="button" className="choice" onClick={() => send({ type: 'BORROW' })}>
          <span className="choice__title">{t('start.borrow')}</span>{' '}
          <span className="choice__hint">{t('start.borrowHint')}</span>
        </button>
        <button type="button" className="choice" onClick={() => send({ type: 'RETURN' })}>
          <span className="choice__title">{t('start.return')}</span>{' '}
          <span className="choice__hint">{t('start.returnHint')}</span>
        </button>
        <button type="button" className="choice" disabled={!screen.accountAvailable} onClick={() => send({ type: 'ACCOUNT' })}>
          <span className="choice__title">{t('start.account')}</span>{' '}
          <span className="choice__hint">{screen.accountAvailable ? t('start.accountHint') : t('start.accountUnavailable')}</span>
        </button>
      </div>
      <TechnicianEntry send={send} />
    </ScreenFrame>
  );
}
