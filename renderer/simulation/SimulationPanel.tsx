// The tester panel, shown only in simulation mode (the view carries `simulation`): swipe a demo
// patron's card, type their PIN on the hardware PIN pad, place and remove tagged items, set the
// printer's paper and stop or start the simulated library system. A side drawer, apart from the
// patron's screen.
import { type FormEvent, useState } from 'react';
import type { Send, SimulationPanel as Panel } from '../app/types';
import { maskCpr } from '../app/privacy';
import { useI18n } from '../i18n/i18n-context';
import { SimulationItems } from './SimulationItems';

const PAPER = ['ok', 'near-end', 'out'] as const;

export interface SimulationPanelProps {
  panel: Panel;
  send: Send;
  open: boolean;
  onToggle(): void;
}

export function SimulationPanel({ panel, send, open, onToggle }: SimulationPanelProps) {
  const { t } = useI18n();
  const [keys, setKeys] = useState('');
  const sendKeys = (event: FormEvent) => {
    event.preventDefault();
    const typed = keys.replace(/[^0-9#*<]/g, '');
    setKeys('');
    if (typed.length > 0) send({ type: 'SIM_KEYPAD', keys: typed });
  };
  return (
    <aside className={open ? 'sim sim--open' : 'sim'} aria-labelledby="sim-title">
      <div className="sim__head">
        <h2 id="sim-title" className="sim__title">
          {t('sim.title')}
        </h2>
        <button type="button" className="sim__toggle" aria-expanded={open} aria-controls="sim-body" onClick={onToggle}>
          {t(open ? 'sim.hide' : 'sim.show')}
        </button>
      </div>
      <div id="sim-body" className="sim__body" hidden={!open}>
        <p className="sim__note">{t('sim.note')}</p>
        <section aria-labelledby="sim-patrons">
          <h3 id="sim-patrons">{t('sim.patrons')}</h3>
          <ul className="sim__list">
            {panel.patrons.map((p) => (
              <li key={p.key} className="sim__row">
                <span className="sim__label">{maskCpr(p.label)}</span>
                <button type="button" className="sim__button" aria-label={t('sim.swipeLabel', { patron: maskCpr(p.label) })} onClick={() => send({ type: 'SIM_SWIPE', patron: p.key })}>
                  {t('sim.swipe')}
                </button>
                <button type="button" className="sim__button" aria-label={t('sim.typePinLabel', { patron: maskCpr(p.label) })} onClick={() => send({ type: 'SIM_KEYPAD_PIN', patron: p.key })}>
                  {t('sim.typePin')}
                </button>
              </li>
            ))}
          </ul>
          <form className="sim__keys" onSubmit={sendKeys}>
            <label htmlFor="sim-keys">{t('sim.keys')}</label>
            <input id="sim-keys" className="sim__input" inputMode="numeric" autoComplete="off" maxLength={32} value={keys} onChange={(e) => setKeys(e.target.value)} />
            <button type="submit" className="sim__button">
              {t('sim.sendKeys')}
            </button>
          </form>
        </section>
        <SimulationItems items={panel.items} send={send} />
        <section aria-labelledby="sim-paper">
          <h3 id="sim-paper">{t('sim.paper')}</h3>
          <div className="sim__row" role="group" aria-labelledby="sim-paper">
            {PAPER.map((state) => (
              <button key={state} type="button" className="sim__button" aria-pressed={panel.paper === state} onClick={() => send({ type: 'SIM_PAPER', state })}>
                {t(`sim.paper.${state}`)}
              </button>
            ))}
          </div>
        </section>
        <section aria-labelledby="sim-ils">
          <h3 id="sim-ils">{t('sim.ils')}</h3>
          <div className="sim__row">
            <span className="sim__label">{t(panel.ilsOnline ? 'sim.ils.online' : 'sim.ils.offline')}</span>
            <button type="button" className="sim__button" onClick={() => send({ type: 'SIM_ILS', online: !panel.ilsOnline })}>
              {t(panel.ilsOnline ? 'sim.ils.stop' : 'sim.ils.start')}
            </button>
          </div>
        </section>
      </div>
    </aside>
  );
}
