// While my account's loans, holds and fees are fetched from the library system.
import { ScreenFrame } from '../components/ScreenFrame';
import { useI18n } from '../i18n/i18n-context';

export function AccountLoadingScreen() {
  const { t } = useI18n();
  return <ScreenFrame title={t('account.loading')} busy className="screen--message" />;
}
