// Identification for borrowing or my account: scan a card, then type the PIN on screen or on the
// PIN pad. Shows only the masked card and the PIN's length; a refusal says why in plain words.
import { maskCpr } from '../app/privacy';
import type { ScreenOf, Send } from '../app/types';
import { PinDots, PinPad } from '../components/PinPad';
import { ScreenFrame } from '../components/ScreenFrame';
import { useI18n } from '../i18n/i18n-context';
import { IDENTIFY_REFUSALS, reasonKey } from '../i18n/reasons';
import type { Translator } from '../i18n/translate';

type Identify = ScreenOf<'identify'>;

function refusalLines(refusal: NonNullable<Identify['refusal']>, i18n: Translator): string[] {
  const lines = [i18n.t(reasonKey(IDENTIFY_REFUSALS, refusal.reason, 'identify.refused.unavailable'))];
  if (refusal.reason === 'wrong-pin' && refusal.attemptsLeft !== undefined) lines.push(i18n.plural('identify.attemptsLeft', refusal.attemptsLeft));
  if (refusal.reason === 'card-locked' && refusal.lockedUntil !== undefined) lines.push(i18n.t('identify.lockedUntil', { date: i18n.date(refusal.lockedUntil), time: i18n.time(refusal.lockedUntil) }));
  return lines;
}

export function IdentifyScreen({ screen, send }: { screen: Identify; send: Send }) {
  const i18n = useI18n();
  const { t } = i18n;
  const title = t(screen.purpose === 'borrow' ? 'identify.heading.borrow' : 'identify.heading.account');
  const cancel = (
    <button type="button" className="button button--secondary" onClick={() => send({ type: 'CANCEL' })}>
      {t('common.cancel')}
    </button>
  );
  if (screen.step === 'scan-card') {
    return (
      <ScreenFrame title={title} className="screen--identify">
        <div className="card-prompt">
          <div className="card-prompt__picture" aria-hidden="true">
            <span className="card-prompt__card" />
          </div>
          <div>
            <p className="card-prompt__text">{t('identify.scanCard')}</p>
            <p>{t('identify.scanCardHint')}</p>
          </div>
        </div>
        <div className="actions">{cancel}</div>
      </ScreenFrame>
    );
  }
  const refused = screen.step === 'refused' && screen.refusal !== null;
  return (
    <ScreenFrame title={title} className="screen--identify" busy={screen.step === 'verifying'}>
      <div className="identify">
        <div className="identify__status">
          {screen.card === null ? null : <p className="identify__card">{t('identify.card', { card: maskCpr(screen.card) })}</p>}
          {screen.step === 'verifying' ? (
            <p className="notice" role="status">
              {t('identify.verifying')}
            </p>
          ) : (
            <>
              <p className="identify__prompt">{t('identify.enterPin')}</p>
              <p>{t('identify.pinHint')}</p>
            </>
          )}
          {refused && screen.refusal !== null ? (
            <div className="notice notice--problem" role="alert">
              {refusalLines(screen.refusal, i18n).map((line) => (
                <p key={line}>{line}</p>
              ))}
              <p>{t('identify.tryAgain')}</p>
            </div>
          ) : null}
          <PinDots length={screen.pinLength} max={screen.pinMaxLength} />
          <div className="actions">{cancel}</div>
        </div>
        {screen.step === 'verifying' ? null : <PinPad send={send} canConfirm={screen.step === 'enter-pin' && screen.pinLength > 0} />}
      </div>
    </ScreenFrame>
  );
}
