// The sections of the diagnostics screen that only show data.
import { maskCpr } from '../app/privacy';
import type { ScreenOf, Send } from '../app/types';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey, Translator } from '../i18n/translate';

type Diagnostics = ScreenOf<'diagnostics'>;
type LiveRead = Diagnostics['reads'][number];

export function DeviceTable({ devices }: { devices: Diagnostics['devices'] }) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="diag-devices">
      <h2 id="diag-devices">{t('diag.devices')}</h2>
      <ul className="list">
        {devices.map((d) => (
          <li key={d.device} className={`list__row device device--${d.state}`}>
            <span className="device__name">{t(`device.${d.device}` as MessageKey)}</span>
            <span className="device__state">
              {t(`device.state.${d.state}` as MessageKey)}
              {d.detail ? `: ${maskCpr(d.detail)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function readText(read: LiveRead, i18n: Translator): string {
  const { t } = i18n;
  switch (read.kind) {
    case 'card':
      return t('diag.read.card', { kind: t(`diag.cardKind.${read.cardKind}`), masked: maskCpr(read.masked) });
    case 'pin-key':
      return t('diag.read.pinKey', { key: t(`diag.pinKey.${read.key}`) });
    case 'tag-placed':
      return read.error
        ? t('diag.read.tagError', { error: read.error })
        : t('diag.read.tagPlaced', { item: read.itemId ?? t('item.unknown'), part: read.partNumber, parts: read.partsInSet });
    case 'tag-removed':
      return t('diag.read.tagRemoved', { uid: read.uid });
  }
}

export function LiveReads({ reads }: { reads: LiveRead[] }) {
  const i18n = useI18n();
  return (
    <section className="panel" aria-labelledby="diag-reads">
      <h2 id="diag-reads">{i18n.t('diag.reads')}</h2>
      {reads.length === 0 ? (
        <p>{i18n.t('diag.reads.none')}</p>
      ) : (
        <ul className="reads" aria-live="polite">
          {[...reads].reverse().map((read) => (
            <li key={read.seq}>{readText(read, i18n)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function OfflineQueue({ queue, loading, busy, send }: { queue: Diagnostics['queue']; loading: boolean; busy: boolean; send: Send }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="panel" aria-labelledby="diag-queue">
      <div className="panel__head">
        <h2 id="diag-queue">{t('diag.queue')}</h2>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => send({ type: 'LOAD_QUEUE' })}>
          {t('diag.loadQueue')}
        </button>
      </div>
      {loading ? <p role="status">{t('diag.busy')}</p> : null}
      {!loading && queue === null ? <p>{t('diag.queue.notLoaded')}</p> : null}
      {!loading && queue !== null && queue.length === 0 ? <p>{t('diag.queue.empty')}</p> : null}
      {!loading && queue !== null && queue.length > 0 ? (
        <ul className="list">
          {queue.map((entry) => (
            <li key={entry.id} className="list__row">
              {`${i18n.date(entry.at)} ${i18n.time(entry.at)} · ${t(`diag.queue.kind.${entry.kind}`)} · ${entry.itemId} · ${t(`diag.queue.state.${entry.state}`)}`}
              {entry.detail ? ` · ${maskCpr(entry.detail)}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function Summary({ summary }: { summary: Diagnostics['summary'] }) {
  const { t } = useI18n();
  const rows: [string, string][] = [
    [t('diag.version'), summary.version],
    [t('diag.library'), summary.library],
    [t('diag.branch'), summary.branch],
    ...Object.entries(summary.settings).map(([key, value]): [string, string] => [key, value === null ? '–' : String(value)]),
  ];
  return (
    <section className="panel" aria-labelledby="diag-summary">
      <h2 id="diag-summary">{t('diag.summary')}</h2>
      <dl className="summary">
        {rows.map(([key, value]) => (
          <div key={key} className="summary__row">
            <dt>{key}</dt>
            <dd>{maskCpr(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
