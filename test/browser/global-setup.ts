// Vitest globalSetup of the browser suite: the widget IIFE and the Node build (the demo runner
// starts dist/node/cli/*.js) are rebuilt once if missing or older than their sources.
import { join } from 'node:path';
import { isStale, ROOT, runBuild } from '../_util/build-fresh.ts';

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

export function setup(): void {
  const widgetSources = ['src/widget', 'src/shared', 'vite.config.ts'];
  if (isStale(['dist/eleapi-leads.js'], widgetSources)) runBuild(bin('vite'), ['build']);
  const nodeOutputs = ['dist/node/cli/relay.js', 'dist/node/cli/sim.js'];
  const nodeSources = ['src/relay', 'src/sim', 'src/cli', 'src/shared', 'tsconfig.build.json'];
  if (isStale(nodeOutputs, nodeSources)) runBuild(bin('tsc'), ['-p', 'tsconfig.build.json']);
}
