export { ar } from './ar.ts';
export { de } from './de.ts';
export { en } from './en.ts';
export { es } from './es.ts';
export { fr } from './fr.ts';
export { hi } from './hi.ts';
export { pt } from './pt.ts';
