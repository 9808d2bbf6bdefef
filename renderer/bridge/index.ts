// The renderer side of the screen <-> runtime contract. Screens use connectBridge() and the types.
export { bridgeUrl, connectBridge, type ConnectOptions, type ScreenBridge } from './connect';
export { type KioskApi } from './types';
export { createWebSocketBridge, type SocketLike, type WebSocketBridge, type WebSocketBridgeOptions } from './ws-client';
