// While the kiosk works between two screens.
import { ScreenFrame } from '../components/ScreenFrame';
import { useI18n } from '../i18n/i18n-context';

export function PleaseWaitScreen() {
  const { t } = useI18n();
  return <ScreenFrame title={t('wait.heading')} busy className="screen--message" />;
}
