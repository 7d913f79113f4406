import { measureLimiters } from './rate-limit.ts';

console.table(await measureLimiters('postgres://postgres@127.0.0.1:55432/postgres', 4));
