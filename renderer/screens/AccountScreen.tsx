// My account: loans with due dates (renew one or all, with each result), holds ready for pickup,
// and fees with whether they block borrowing.
import { maskCpr } from '../app/privacy';
import type { ScreenOf, Send } from '../app/types';
import { LoanRow } from '../components/LoanRow';
import { ScreenFrame } from '../components/ScreenFrame';
import { useI18n } from '../i18n/i18n-context';
import { BORROWING_BLOCKS, reasonKey } from '../i18n/reasons';

type Account = ScreenOf<'account'>;

function Fees({ screen }: { screen: Account }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { blocked, reason } = screen.borrowingBlocked;
  return (
    <section className="panel" aria-labelledby="account-fees">
      <h2 id="account-fees">{t('account.fees.heading')}</h2>
      {screen.feesDkk > 0 ? <p className="fees">{t('account.fees.amount', { amount: i18n.money(screen.feesDkk) })}</p> : <p>{t('account.fees.none')}</p>}
      {blocked ? (
        <p className="notice notice--problem">
          {reason === 'debt-threshold' ? t('account.fees.blocks') : t(reasonKey(BORROWING_BLOCKS, reason, 'blocked.reason.fallback'))}
        </p>
      ) : screen.feesDkk > 0 ? (
        <p>{t('account.fees.notBlocking')}</p>
      ) : null}
    </section>
  );
}

function Holds({ screen }: { screen: Account }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="panel" aria-labelledby="account-holds">
      <h2 id="account-holds">{t('account.holds.heading', { n: screen.holdsReady.length })}</h2>
      {screen.holdsReady.length === 0 ? (
        <p>{t('account.holds.none')}</p>
      ) : (
        <ul className="list">
          {screen.holdsReady.map((hold) => (
            <li key={hold.itemId} className="list__row">
              <p className="list__title">{maskCpr(hold.title)}</p>
              <p>
                {hold.pickupBy === undefined
                  ? t('account.hold.pickup', { location: maskCpr(hold.pickupLocation) })
                  : t('account.hold.pickupBy', { location: maskCpr(hold.pickupLocation), date: i18n.date(hold.pickupBy) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AccountScreen({ screen, send }: { screen: Account; send: Send }) {
  const { t } = useI18n();
  const anyRenewable = screen.loans.some((loan) => loan.renewable && loan.renewal?.ok !== true);
  return (
    <ScreenFrame
      title={t('account.heading')}
      lead={screen.patronName ? t('account.greeting', { name: maskCpr(screen.patronName) }) : undefined}
      busy={screen.busy}
      className="screen--account"
    >
      <div className="account">
        <section className="panel panel--loans" aria-labelledby="account-loans">
          <div className="panel__head">
            <h2 id="account-loans">{t('account.loans.heading', { n: screen.loans.length })}</h2>
            {anyRenewable ? (
              <button type="button" className="button button--primary" disabled={screen.busy} onClick={() => send({ type: 'RENEW_ALL' })}>
                {t('account.renewAll')}
              </button>
            ) : null}
          </div>
          {screen.loans.length === 0 ? (
            <p>{t('account.loans.none')}</p>
          ) : (
            <ul className="list" aria-live="polite">
              {screen.loans.map((loan) => (
                <LoanRow key={loan.itemId} loan={loan} busy={screen.busy} send={send} />
              ))}
            </ul>
          )}
        </section>
        <div className="account__side">
          <Holds screen={screen} />
          <Fees screen={screen} />
        </div>
      </div>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => send({ type: 'DONE' })}>
          {t('account.done')}
        </button>
      </div>
    </ScreenFrame>
  );
}
