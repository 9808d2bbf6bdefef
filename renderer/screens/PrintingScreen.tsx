// While the receipt prints.
import { ScreenFrame } from '../components/ScreenFrame';
import { useI18n } from '../i18n/i18n-context';

export function PrintingScreen() {
  const { t } = useI18n();
  return <ScreenFrame title={t('printing.heading')} busy className="screen--message" />;
}
