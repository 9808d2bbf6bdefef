// Picks the component for the view's screen.
import { AccountLoadingScreen } from '../screens/AccountLoadingScreen';
import { AccountScreen } from '../screens/AccountScreen';
import { AccountUnavailableScreen } from '../screens/AccountUnavailableScreen';
import { BorrowBlockedScreen } from '../screens/BorrowBlockedScreen';
import { CheckoutScreen } from '../screens/CheckoutScreen';
import { DiagnosticsScreen } from '../screens/DiagnosticsScreen';
import { GoodbyeScreen } from '../screens/GoodbyeScreen';
import { IdentifyScreen } from '../screens/IdentifyScreen';
import { PleaseWaitScreen } from '../screens/PleaseWaitScreen';
import { PrintingScreen } from '../screens/PrintingScreen';
import { ReceiptChoiceScreen } from '../screens/ReceiptChoiceScreen';
import { ReturnScreen } from '../screens/ReturnScreen';
import { StartScreen } from '../screens/StartScreen';
import type { Screen as ScreenView, Send } from './types';

export function Screen({ screen, send }: { screen: ScreenView; send: Send }) {
  switch (screen.name) {
    case 'start':
      return <StartScreen screen={screen} send={send} />;
    case 'please-wait':
      return <PleaseWaitScreen />;
    case 'identify':
      return <IdentifyScreen screen={screen} send={send} />;
    case 'borrow-blocked':
      return <BorrowBlockedScreen screen={screen} send={send} />;
    case 'checkout':
      return <CheckoutScreen screen={screen} send={send} />;
    case 'return':
      return <ReturnScreen screen={screen} send={send} />;
    case 'receipt-choice':
      return <ReceiptChoiceScreen screen={screen} send={send} />;
    case 'printing':
      return <PrintingScreen />;
    case 'goodbye':
      return <GoodbyeScreen screen={screen} />;
    case 'account-loading':
      return <AccountLoadingScreen />;
    case 'account-unavailable':
      return <AccountUnavailableScreen send={send} />;
    case 'account':
      return <AccountScreen screen={screen} send={send} />;
    case 'diagnostics':
      return <DiagnosticsScreen screen={screen} send={send} />;
    default:
      return <PleaseWaitScreen />;
  }
}
