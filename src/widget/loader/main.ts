// The drop-in script's entry. document.currentScript is only set while this first runs, so
// it is read here, synchronously, before anything else.
import { startWidget } from './start.ts';
import { mountWidget } from '../form/mount.tsx';

startWidget(document.currentScript, { window, mount: mountWidget });
