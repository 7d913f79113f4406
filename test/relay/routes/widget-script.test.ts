import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../../src/relay/routes/widget-script.ts';
import { type TempDir, tempDir } from '../../_util/relay/fixtures.ts';
import { type Harness, startHarness } from '../../_util/relay/harness.ts';

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

describe('GET /eleapi-leads.form.<hash>.js', () => {
  const CHUNK = 'document.dispatchEvent(new CustomEvent("eleapi-leads:form-chunk"));\n';

  it('serves the form chunk next to the loader, cached for a year as immutable', async () => {
    const path = join(dist.path, 'eleapi-leads.js');
    writeFileSync(path, SCRIPT);
    writeFileSync(join(dist.path, 'eleapi-leads.form.0a1b2c3d4e.js'), CHUNK);
    h = startHarness({}, { widgetScriptPath: path });
    const response = await h.relay.request('/eleapi-leads.form.0a1b2c3d4e.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(CHUNK);
    expect(response.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    // The loader keeps its short cache beside it.
    const loader = await h.relay.request('/eleapi-leads.js');
    expect(loader.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await loader.text()).toBe(SCRIPT);
  });

  // Beside the chunk: a locale file and a piece, each with names that must not be served.
  it.each([
    {
      what: 'locale files',
      file: 'de',
      body: 'document.dispatchEvent(new CustomEvent("eleapi-leads:form-texts"));\n',
      missing: ['fr', 'deu'],
    },
    {
      what: 'pieces (eleapi-leads.form.<hash>.<piece>.js)',
      file: 'fields',
      body: 'document.dispatchEvent(new CustomEvent("eleapi-leads:form-piece"));\n',
      missing: ['pow', 'Fields', 'fields.x'],
    },
  ])("serves the chunk's $what beside it, cached the same way", async ({ file, body, missing }) => {
    const path = join(dist.path, 'eleapi-leads.js');
    writeFileSync(path, SCRIPT);
    writeFileSync(join(dist.path, `eleapi-leads.form.0a1b2c3d4e.${file}.js`), body);
    h = startHarness({}, { widgetScriptPath: path });
    const response = await h.relay.request(`/eleapi-leads.form.0a1b2c3d4e.${file}.js`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(body);
    expect(response.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const name of missing) {
      expect((await h.relay.request(`/eleapi-leads.form.0a1b2c3d4e.${name}.js`)).status).toBe(404);
    }
  });

  it('answers 404 for a chunk that is not built, and reaches no other file of dist/', async () => {
    const path = join(dist.path, 'eleapi-leads.js');
    writeFileSync(path, SCRIPT);
    writeFileSync(join(dist.path, 'secret.js'), 'nope');
    h = startHarness({}, { widgetScriptPath: path });
    const missing = await h.relay.request('/eleapi-leads.form.ffffffffff.js');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: 'not_found' });
    for (const url of [
      '/eleapi-leads.form.ff.js/../secret.js',
      '/eleapi-leads.form.zz.js',
      '/eleapi-leads.form.ff.de.js/../../secret.js',
      '/secret.js',
    ]) {
      expect((await h.relay.request(url)).status).toBe(404);
    }
  });
});
