// The "pow" piece's entry: the proof-of-work solver, fetched by the chunk's prover only once the
// relay answered a challenge (200; 204, proof of work off, the default, fetches nothing).
import { solveChallenge } from '../pow/solve-challenge.ts';
import { announcePiece } from './piece-file.ts';

announcePiece('pow', solveChallenge);
