// The policy layer's public face: library profiles as data and pure decisions over them.
export * from './schema';
export * from './time';
export * from './afi';
export * from './holidays';
export * from './cpr';
export * from './errors';
export * from './patron';
export * from './hours';
export * from './door';
export * from './loan';
export * from './renewal';
export * from './fees';
export * from './borrowing';
export * from './overrides';
export * from './settings';
export { findProfile, isLibraryId, LIBRARY_IDS } from './profiles';
export { getProfile } from './profile';
export * from './citations';
