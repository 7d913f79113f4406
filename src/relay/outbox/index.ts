export * from './sqlite-outbox.ts';
export type { WriterMode } from './writer.ts';
