// The technicians' way into diagnostics without a technician card: a code typed on screen.
// The code goes to the runtime, which decides; the field is cleared at once.
import { type FormEvent, useId, useState } from 'react';
import type { Send } from '../app/types';
import { useI18n } from '../i18n/i18n-context';

export function TechnicianEntry({ send }: { send: Send }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const inputId = useId();
  if (!open) {
    return (
      <button type="button" className="button button--quiet technician-open" onClick={() => setOpen(true)}>
        {t('technician.open')}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const entered = code.trim();
    setCode('');
    if (entered.length > 0 && entered.length <= 64) send({ type: 'TECHNICIAN_CODE', code: entered });
  };
  return (
    <form className="technician" onSubmit={submit} aria-label={t('technician.heading')}>
      <label htmlFor={inputId} className="technician__label">
        {t('technician.codeLabel')}
      </label>
      <input
        id={inputId}
        className="technician__input"
        type="password"
        autoComplete="off"
        maxLength={64}
        autoFocus
        value={code}
        onChange={(event) => setCode(event.target.value)}
      />
      <button type="submit" className="button button--primary">
        {t('technician.submit')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setCode('');
          setOpen(false);
        }}
      >
        {t('common.cancel')}
      </button>
    </form>
  );
}
