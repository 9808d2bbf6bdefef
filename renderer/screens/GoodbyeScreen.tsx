// The end of a session: take your receipt (or why there is none), remember your items.
import type { ScreenOf } from '../app/types';
import { ScreenFrame } from '../components/ScreenFrame';
import { useI18n } from '../i18n/i18n-context';

export function GoodbyeScreen({ screen }: { screen: ScreenOf<'goodbye'> }) {
  const { t } = useI18n();
  return (
    <ScreenFrame title={t('goodbye.heading')} className="screen--message">
      {screen.receipt === 'printed' ? <p className="notice notice--ok">{t('goodbye.printed')}</p> : null}
      {screen.receipt === 'failed' ? <p className="notice notice--problem">{t('goodbye.failed')}</p> : null}
      <p>{t('goodbye.remember')}</p>
    </ScreenFrame>
  );
}
