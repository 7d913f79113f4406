import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../../src/relay/routes/widget-script.ts';
import { type TempDir, tempDir } from '../support/fixtures.ts';
import { type Harness, startHarness } from '../support/harness.ts';

let h: Harness;
let dist: TempDir;
beforeEach(() => {
  dist = tempDir();
});
afterEach(async () => {
  await h.close();
  dist.remove();
});

const SCRIPT = '(function(){window.EleapiLeads=window.EleapiLeads||[]})();\n';

describe('GET /eleapi-leads.js', () => {
  it('serves the built widget as cacheable JavaScript any page may load', async () => {
    const path = join(dist.path, 'eleapi-leads.js');
    writeFileSync(path, SCRIPT);
    h = startHarness({}, { widgetScriptPath: path });
    const response = await h.relay.request('/eleapi-leads.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(SCRIPT);
    expect(response.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
  });

  it('answers 304 to a request carrying the current ETag, and a new ETag after a rebuild', async () => {
    const path = join(dist.path, 'eleapi-leads.js');
    writeFileSync(path, SCRIPT);
    h = startHarness({}, { widgetScriptPath: path });
    const etag = (await h.relay.request('/eleapi-leads.js')).headers.get('etag') ?? '';
    const again = await h.relay.request('/eleapi-leads.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    writeFileSync(path, `${SCRIPT}// rebuilt with more\n`);
    const rebuilt = await h.relay.request('/eleapi-leads.js', {
      headers: { 'if-none-match': etag },
    });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.headers.get('etag')).not.toBe(etag);
  });

  it('answers 404 with a clear message when the widget is not built', async () => {
    h = startHarness({}, { widgetScriptPath: join(dist.path, 'missing.js') });
    const response = await h.relay.request('/eleapi-leads.js');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      ok: false,
      error: 'not_built',
      message: 'the widget is not built yet: run "npm run build" on the relay host',
    });
  });

  it('finds dist/ from the package root by default', () => {
    expect(findPackageRoot()).toBe(process.cwd());
  });
});
