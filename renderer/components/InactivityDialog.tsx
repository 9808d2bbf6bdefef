// The inactivity warning: a countdown (from the machine, which owns the clock) and one large
// "I am still here" button, which gets focus so Enter answers it at once.
import { useEffect, useId, useRef } from 'react';
import type { Send } from '../app/types';
import { useI18n } from '../i18n/i18n-context';

export function InactivityDialog({ secondsLeft, send }: { secondsLeft: number; send: Send }) {
  const i18n = useI18n();
  const button = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => {
    button.current?.focus();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={textId}>
        <h2 id={titleId} className="dialog__heading">
          {i18n.t('inactivity.heading')}
        </h2>
        <p id={textId} className="dialog__countdown">
          {i18n.plural('inactivity.countdown', Math.max(0, secondsLeft))}
        </p>
        <button ref={button} type="button" className="button button--primary button--wide" onClick={() => send({ type: 'STILL_HERE' })}>
          {i18n.t('inactivity.stillHere')}
        </button>
      </div>
    </div>
  );
}
