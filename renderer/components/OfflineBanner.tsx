// Shown while the library system does not answer: what still works and what does not.
import type { View } from '../app/types';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/translate';

const FEATURES: Record<'borrow' | 'return' | 'account', MessageKey> = {
  borrow: 'offline.feature.borrow',
  return: 'offline.feature.return',
  account: 'offline.feature.account',
};

export function OfflineBanner({ offline }: { offline: NonNullable<View['offline']> }) {
  const i18n = useI18n();
  const names = (features: readonly (keyof typeof FEATURES)[]) => i18n.list(features.map((f) => i18n.t(FEATURES[f])));
  return (
    <div className="offline-banner" role="status">
      <p className="offline-banner__heading">{i18n.t('offline.heading')}</p>
      {offline.works.length > 0 ? <p>{i18n.t('offline.works', { list: names(offline.works) })}</p> : null}
      {offline.unavailable.length > 0 ? <p>{i18n.t('offline.unavailable', { list: names(offline.unavailable) })}</p> : null}
    </div>
  );
}
