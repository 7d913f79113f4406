// The "fields" piece's entry: the owner's questions block reader and its checker (~1.7 KB gzip
// of messages), fetched by the chunk only when the page has a data-eleapi-leads-fields block.
import { readOwnerFields } from '../owner-fields-block.ts';
import { announcePiece } from './piece-file.ts';

announcePiece('fields', readOwnerFields);
