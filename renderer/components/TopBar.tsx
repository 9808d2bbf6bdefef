// The bar on top of every screen: the kiosk's name and the one-touch language switch.
import type { Send } from '../app/types';
import { useI18n } from '../i18n/i18n-context';

export function TopBar({ send }: { send: Send }) {
  const i18n = useI18n();
  const other = i18n.language === 'da' ? 'en' : 'da';
  return (
    <header className="top-bar">
      <span className="top-bar__title">{i18n.t('app.title')}</span>
      <button
        type="button"
        className="button button--language"
        lang={other}
        aria-label={i18n.t('language.switchLabel')}
        onClick={() => send({ type: 'SET_LANGUAGE', language: other })}
      >
        {i18n.t('language.switch')}
      </button>
    </header>
  );
}
