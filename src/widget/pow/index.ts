export { fetchChallenge } from './fetch-challenge.ts';
export { type SolveOptions, solveChallenge } from './solve-challenge.ts';
