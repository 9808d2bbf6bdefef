// The kiosk screen: follows the runtime's views and sends the patron's (or tester's) events.
// Everything shown comes from the latest view; the screen keeps no state of its own beyond
// the open/closed simulation drawer and the technician code being typed.
import { useEffect, useMemo, useState } from 'react';
import { InactivityDialog } from '../components/InactivityDialog';
import { OfflineBanner } from '../components/OfflineBanner';
import { TopBar } from '../components/TopBar';
import { I18nContext } from '../i18n/i18n-context';
import { createTranslator } from '../i18n/translate';
import { SimulationPanel } from '../simulation/SimulationPanel';
import { Screen } from './Screen';
import type { ScreenEvent, Send, View } from './types';

/** The part of the bridge the app uses (renderer/bridge's ScreenBridge, or a test's fake). */
export interface ViewSource {
  onView(listener: (view: View) => void): () => void;
  send(event: ScreenEvent): void;
  /** Browser mode: false when the runtime went away, true when it is back. */
  onConnection?(listener: (connected: boolean) => void): () => void;
}

export function KioskScreen({ view, send }: { view: View; send: Send }) {
  const i18n = useMemo(() => createTranslator(view.language), [view.language]);
  useEffect(() => {
    document.documentElement.lang = view.language;
    document.title = i18n.t('app.title');
  }, [view.language, i18n]);
  const warning = view.inactivity;
  const [simulationOpen, setSimulationOpen] = useState(true);
  const layout = view.simulation ? `kiosk kiosk--simulation ${simulationOpen ? 'kiosk--sim-open' : 'kiosk--sim-closed'}` : 'kiosk';
  return (
    <I18nContext.Provider value={i18n}>
      <div className={layout}>
        <div className="kiosk__patron" inert={warning !== null}>
          <TopBar send={send} />
          {view.offline === null ? null : <OfflineBanner offline={view.offline} />}
          <main className="kiosk__main">
            <Screen key={view.screen.name} screen={view.screen} send={send} />
          </main>
        </div>
        {warning === null ? null : <InactivityDialog secondsLeft={warning.secondsLeft} send={send} />}
        {view.simulation ? (
          <SimulationPanel panel={view.simulation} send={send} open={simulationOpen} onToggle={() => setSimulationOpen(!simulationOpen)} />
        ) : null}
      </div>
    </I18nContext.Provider>
  );
}

export function App({ source }: { source: ViewSource }) {
  const [view, setView] = useState<View | null>(null);
  const [lost, setLost] = useState(false);
  useEffect(() => {
    const offView = source.onView((next) => {
      setLost(false);
      setView(next);
    });
    // The runtime went away: its last view (a patron's name, loans, fees, working buttons) goes at once.
    const offConnection = source.onConnection?.((connected) => {
      if (connected) return;
      setView(null);
      setLost(true);
    });
    return () => {
      offView();
      offConnection?.();
    };
  }, [source]);
  const send = useMemo<Send>(() => (event) => source.send(event), [source]);
  if (lost) {
    const { t } = createTranslator('da');
    return (
      <main className="kiosk__main kiosk__main--connecting">
        <p role="status">{t('app.outOfOrder')}</p>
      </main>
    );
  }
  if (view === null) {
    const { t } = createTranslator('da');
    return (
      <main className="kiosk__main kiosk__main--connecting">
        <p role="status">{t('app.connecting')}</p>
      </main>
    );
  }
  return <KioskScreen view={view} send={send} />;
}
