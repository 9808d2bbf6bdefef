// Returns: no sign-in; each item says where it goes (shelf, hold shelf, another branch, sort bin).
import type { ScreenOf, Send } from '../app/types';
import { ItemList } from '../components/ItemList';
import { ScreenFrame } from '../components/ScreenFrame';
import { useI18n } from '../i18n/i18n-context';

export function ReturnScreen({ screen, send }: { screen: ScreenOf<'return'>; send: Send }) {
  const i18n = useI18n();
  const { t } = i18n;
  const returned = screen.items.filter((i) => i.status === 'returned').length;
  return (
    <ScreenFrame title={t('return.heading')} busy={screen.busy} className="screen--items">
      <p className="instruction">{t('return.placeItems')}</p>
      <ItemList items={screen.items} kind="return" emptyText={t('return.empty')} />
      <div className="actions actions--end">
        {returned > 0 ? <p className="tally">{i18n.plural('return.returned', returned)}</p> : null}
        {screen.finishing ? (
          <p className="notice" role="status">
            {t('return.finishing')}
          </p>
        ) : null}
        <button type="button" className="button button--primary" disabled={screen.finishing} onClick={() => send({ type: 'FINISH' })}>
          {t('return.finish')}
        </button>
      </div>
    </ScreenFrame>
  );
}
