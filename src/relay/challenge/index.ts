export * from './challenge-service.ts';
export * from './defaults.ts';
export * from './postgres-spent-store.ts';
export * from './spent-store.ts';
export * from './sqlite-spent-store.ts';
