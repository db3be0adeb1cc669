/** The import's public face: what the store and the pages use. Files inside the folder import each other directly. */
export * from './types';
export * from './columns';
export * from './cells';
export * from './values';
export * from './join';
export * from './collect';
export * from './plan';
