// The loader's entry: dist/eleapi-leads.js. document.currentScript is only set while this first
// runs, so it is read here, synchronously, before anything else.
import { startWidget } from './start.ts';

startWidget(document.currentScript, { window });
