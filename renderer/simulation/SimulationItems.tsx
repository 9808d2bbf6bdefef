// The simulation panel's items: place a whole item (all parts of a set) or only some parts,
// remove it, or clear the pad.
import type { Send, SimulationPanel } from '../app/types';
import { useI18n } from '../i18n/i18n-context';

export function SimulationItems({ items, send }: { items: SimulationPanel['items']; send: Send }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="sim-items">
      <h3 id="sim-items">{t('sim.items')}</h3>
      <ul className="sim__list">
        {items.map((item) => (
          <li key={item.itemId} className={item.onPad ? 'sim__item sim__item--on-pad' : 'sim__item'}>
            <span className="sim__label">
              {item.title}
              {item.parts > 1 ? ` (${t('sim.parts', { n: item.parts })})` : ''}
              {item.onPad ? ` – ${t('sim.onPad')}` : ''}
            </span>
            <span className="sim__buttons">
              {item.onPad ? (
                <button type="button" className="sim__button" aria-label={t('sim.removeLabel', { title: item.title })} onClick={() => send({ type: 'SIM_REMOVE', itemId: item.itemId })}>
                  {t('sim.remove')}
                </button>
              ) : (
                <>
                  <button type="button" className="sim__button" aria-label={t('sim.placeLabel', { title: item.title })} onClick={() => send({ type: 'SIM_PLACE', itemId: item.itemId })}>
                    {t('sim.place')}
                  </button>
                  {item.parts > 1 ? (
                    <button
                      type="button"
                      className="sim__button"
                      aria-label={t('sim.placeSomeLabel', { n: item.parts - 1, total: item.parts, title: item.title })}
                      onClick={() => send({ type: 'SIM_PLACE', itemId: item.itemId, parts: item.parts - 1 })}
                    >
                      {t('sim.placeSome', { n: item.parts - 1, total: item.parts })}
                    </button>
                  ) : null}
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <button type="button" className="sim__button" onClick={() => send({ type: 'SIM_CLEAR_PAD' })}>
        {t('sim.clearPad')}
      </button>
    </section>
  );
}
