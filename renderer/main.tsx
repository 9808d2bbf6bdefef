// Entry point of the screens: connect to the runtime (Electron preload or browser-mode
// WebSocket) and render its views.
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectBridge } from './bridge';

const root = document.getElementById('root');
if (root !== null) createRoot(root).render(<App source={connectBridge()} />);
