// One loan in my account: title, due date, and either a renew button, the renewal's result, or
// why it cannot be renewed.
import { maskCpr } from '../app/privacy';
import type { LoanView, Send } from '../app/types';
import { useI18n } from '../i18n/i18n-context';
import { RENEWAL_REASONS, reasonKey } from '../i18n/reasons';

/** A reason phrase (written to follow a colon) used on its own. */
function sentence(phrase: string, locale: string): string {
  return phrase.charAt(0).toLocaleUpperCase(locale) + phrase.slice(1);
}

export function LoanRow({ loan, busy, send }: { loan: LoanView; busy: boolean; send: Send }) {
  const i18n = useI18n();
  const { t } = i18n;
  const title = maskCpr(loan.title);
  const reason = (code: string) => t(reasonKey(RENEWAL_REASONS, code, 'renewal.fallback'));
  let outcome = null;
  if (loan.renewing) outcome = <p className="loan__note" role="status">{t('account.renewing')}</p>;
  else if (loan.renewal?.ok === true) outcome = <p className="loan__note loan__note--ok">{t('account.renewed', { date: i18n.date(loan.renewal.dueDate) })}</p>;
  else if (loan.renewal?.ok === false) outcome = <p className="loan__note loan__note--problem">{t('account.renewFailed', { reason: reason(loan.renewal.reason) })}</p>;
  else if (!loan.renewable) outcome = <p className="loan__note">{t('account.notRenewable', { reason: reason(loan.renewalReason) })}</p>;
  else if (loan.renewalReason === 'ok-late-fee') outcome = <p className="loan__note">{sentence(reason('ok-late-fee'), i18n.locale)}</p>;
  const canRenew = loan.renewable && !loan.renewing && loan.renewal?.ok !== true;
  return (
    <li className="list__row loan">
      <div className="loan__text">
        <p className="list__title">{title}</p>
        {loan.renewal?.ok === true ? null : <p>{t('account.loan.due', { date: i18n.date(loan.dueDate) })}</p>}
        {outcome}
      </div>
      {canRenew ? (
        <button
          type="button"
          className="button button--secondary loan__renew"
          aria-label={t('account.renewLabel', { title })}
          disabled={busy}
          onClick={() => send({ type: 'RENEW', itemId: loan.itemId })}
        >
          {t('account.renew')}
        </button>
      ) : null}
    </li>
  );
}
