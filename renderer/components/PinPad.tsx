// The on-screen PIN pad: large keys in the telephone layout, plus delete, clear and OK. With the
// keyboard, Tab reaches the keys; while a key has focus, typed digits and Backspace work too.
import type { KeyboardEvent } from 'react';
import type { Send } from '../app/types';
import { useI18n } from '../i18n/i18n-context';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function PinPad({ send, canConfirm }: { send: Send; canConfirm: boolean }) {
  const { t } = useI18n();
  const digit = (d: string) => send({ type: 'PIN_DIGIT', digit: d });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (/^[0-9]$/.test(event.key)) {
      event.preventDefault();
      digit(event.key);
    } else if (event.key === 'Backspace') {
      event.preventDefault();
      send({ type: 'PIN_BACKSPACE' });
    }
  };
  return (
    <div role="group" aria-label={t('pin.pad')} className="pin-pad" onKeyDown={onKeyDown}>
      {DIGITS.map((d) => (
        <button key={d} type="button" className="pin-pad__key" onClick={() => digit(d)}>
          {d}
        </button>
      ))}
      <button type="button" className="pin-pad__key pin-pad__key--small" aria-label={t('pin.clearLabel')} onClick={() => send({ type: 'PIN_CLEAR' })}>
        {t('pin.clear')}
      </button>
      <button type="button" className="pin-pad__key" onClick={() => digit('0')}>
        0
      </button>
      <button type="button" className="pin-pad__key pin-pad__key--small" aria-label={t('pin.deleteLabel')} onClick={() => send({ type: 'PIN_BACKSPACE' })}>
        {t('pin.delete')}
      </button>
      <button
        type="button"
        className="pin-pad__key pin-pad__key--ok"
        aria-label={t('pin.okLabel')}
        disabled={!canConfirm}
        onClick={() => send({ type: 'PIN_ENTER' })}
      >
        {t('pin.ok')}
      </button>
    </div>
  );
}

/** The PIN as dots: filled for each digit typed, never the digits themselves. */
export function PinDots({ length, max }: { length: number; max: number }) {
  const { t } = useI18n();
  const slots = Math.max(max, length);
  return (
    <div className="pin-dots">
      <div className="pin-dots__row" aria-hidden="true">
        {Array.from({ length: slots }, (_, i) => (
          <span key={i} className={i < length ? 'pin-dots__dot pin-dots__dot--filled' : 'pin-dots__dot'} />
        ))}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {t('identify.pinProgress', { entered: length, max })}
      </p>
    </div>
  );
}
