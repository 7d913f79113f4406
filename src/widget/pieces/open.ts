// The "open" piece's entry: data-open's parse and scheduler, fetched by the chunk only when the
// tag has data-open (auto-open.ts).
import { parseOpenRule, scheduleAutoOpen } from '../open-schedule.ts';
import { announcePiece } from './piece-file.ts';

announcePiece('open', { parseOpenRule, scheduleAutoOpen });
