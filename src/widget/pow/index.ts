export { fetchChallenge } from './fetch-challenge.ts';
export { EXPIRY_MARGIN_MS, proofExpired } from './proof-expiry.ts';
export { createProver, type Prover, type ProverDeps, SLICE_MS } from './prover.ts';
export { type SolveOptions, solveChallenge } from './solve-challenge.ts';
