export * from './integrity.ts';
export * from './merge-lead.ts';
export * from './outbox.ts';
export * from './sqlite-outbox.ts';
export type { WriterMode } from './writer.ts';
