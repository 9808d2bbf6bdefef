// Diagnostics for technicians: device states, live reads, the tests (print, lock pulse, ILS round
// trip), the offline queue and the version/configuration summary (secrets masked by the runtime).
import type { ScreenOf, Send } from '../app/types';
import { DeviceTable, LiveReads, OfflineQueue, Summary } from '../components/DiagnosticsParts';
import { ScreenFrame } from '../components/ScreenFrame';
import { useI18n } from '../i18n/i18n-context';
import type { Translator } from '../i18n/translate';

type Diagnostics = ScreenOf<'diagnostics'>;

function result(test: { ok: boolean; detail?: string; refused?: 'unstaffed-hours' } | null, running: boolean, i18n: Translator): string {
  if (running) return i18n.t('diag.busy');
  if (test === null) return i18n.t('diag.notRun');
  if (test.refused) return i18n.t(`diag.result.refused.${test.refused}`);
  const word = i18n.t(test.ok ? 'diag.result.ok' : 'diag.result.failed');
  return test.detail ? `${word}: ${test.detail}` : word;
}

function ilsResult(screen: Diagnostics, i18n: Translator): string {
  if (screen.activity === 'pinging') return i18n.t('diag.busy');
  if (screen.ils === null) return i18n.t('diag.notRun');
  const text = i18n.t('diag.ilsResult', { result: i18n.t(screen.ils.ok ? 'diag.result.ok' : 'diag.result.failed'), ms: Math.round(screen.ils.ms) });
  return screen.ils.detail ? `${text}: ${screen.ils.detail}` : text;
}

export function DiagnosticsScreen({ screen, send }: { screen: Diagnostics; send: Send }) {
  const i18n = useI18n();
  const { t } = i18n;
  const busy = screen.activity !== 'idle';
  const tests = [
    { label: t('diag.testPrint'), event: { type: 'TEST_PRINT' } as const, text: result(screen.print, screen.activity === 'printing', i18n) },
    { label: t('diag.lockPulse'), event: { type: 'LOCK_PULSE' } as const, text: result(screen.lock, screen.activity === 'pulsing', i18n) },
    { label: t('diag.ilsRoundTrip'), event: { type: 'ILS_ROUND_TRIP' } as const, text: ilsResult(screen, i18n) },
  ];
  return (
    <ScreenFrame title={t('diag.heading')} busy={busy} className="screen--diagnostics">
      <div className="diagnostics">
        <DeviceTable devices={screen.devices} />
        <section className="panel" aria-labelledby="diag-tests">
          <h2 id="diag-tests">{t('diag.tests')}</h2>
          <ul className="tests">
            {tests.map((test) => (
              <li key={test.event.type} className="tests__row">
                <button type="button" className="button button--secondary" disabled={busy} onClick={() => send(test.event)}>
                  {test.label}
                </button>
                <output className="tests__result">{test.text}</output>
              </li>
            ))}
          </ul>
        </section>
        <LiveReads reads={screen.reads} />
        <OfflineQueue queue={screen.queue} loading={screen.activity === 'loading-queue'} busy={busy} send={send} />
        <Summary summary={screen.summary} />
      </div>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => send({ type: 'EXIT' })}>
          {t('diag.exit')}
        </button>
      </div>
    </ScreenFrame>
  );
}
