import { describe, expect, it, vi } from 'vitest';
import { parseDataLayer, pushLeadConversion } from '../../src/widget/data-layer.ts';

describe('parseDataLayer (data-datalayer, data-form-id)', () => {
  it('is off by default, with the form id eleapi-leads', () => {
    const report = vi.fn();
    expect(parseDataLayer({}, report)).toEqual({ enabled: false, formId: 'eleapi-leads' });
    expect(report).not.toHaveBeenCalled();
  });

  it('is on with "on", and takes the form id from data-form-id, else the tag id', () => {
    const report = vi.fn();
    expect(parseDataLayer({ 'data-datalayer': 'on', 'data-form-id': 'catering' }, report)).toEqual({
      enabled: true,
      formId: 'catering',
    });
    expect(parseDataLayer({ 'data-datalayer': 'on', id: 'contact-form' }, report)).toEqual({
      enabled: true,
      formId: 'contact-form',
    });
    expect(parseDataLayer({ 'data-datalayer': 'off' }, report).enabled).toBe(false);
    expect(report).not.toHaveBeenCalled();
  });

  it('reports a bad value once, naming the attribute, and uses the default', () => {
    const report = vi.fn();
    expect(parseDataLayer({ 'data-datalayer': 'yes' }, report).enabled).toBe(false);
    expect(report).toHaveBeenCalledExactlyOnceWith(
      'data-datalayer="yes" is invalid: expected on or off. Using the default (off).',
    );
  });

  it('reports a bad data-form-id and falls back to the tag id', () => {
    const report = vi.fn();
    expect(parseDataLayer({ 'data-form-id': 'my form', id: 'tag' }, report).formId).toBe('tag');
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.stringMatching(/^data-form-id="my form" is invalid: expected up to 64 letters/),
    );
  });
});

describe('pushLeadConversion', () => {
  it('creates window.dataLayer when absent and pushes exactly event, lead_source and form_id', () => {
    const page: { dataLayer?: unknown[] } = {};
    pushLeadConversion(page, 'catering', vi.fn());
    expect(page.dataLayer).toHaveLength(1);
    const [pushed] = page.dataLayer as Record<string, unknown>[];
    // No personal data can ride along: the object has these keys and no others.
    expect(Object.keys(pushed ?? {}).sort()).toEqual(['event', 'form_id', 'lead_source']);
    expect(pushed).toEqual({
      event: 'generate_lead',
      lead_source: 'eleapi-leads',
      form_id: 'catering',
    });
  });

  it('pushes once per call through the page’s own push (as Google Tag Manager installs it)', () => {
    const seen: unknown[] = [];
    const layer = [{ 'gtm.start': 1 }] as unknown[] & { push: (item: unknown) => number };
    layer.push = (item) => seen.push(item);
    const page = { dataLayer: layer };
    pushLeadConversion(page, 'eleapi-leads', vi.fn());
    expect(page.dataLayer).toBe(layer);
    expect(seen).toEqual([
      { event: 'generate_lead', lead_source: 'eleapi-leads', form_id: 'eleapi-leads' },
    ]);
  });

  it('leaves a dataLayer that is not a list alone, with one error', () => {
    const page = { dataLayer: { owner: 'someone else' } };
    const report = vi.fn();
    pushLeadConversion(page, 'eleapi-leads', report);
    expect(page.dataLayer).toEqual({ owner: 'someone else' });
    expect(report).toHaveBeenCalledExactlyOnceWith(
      'window.dataLayer is not a list: generate_lead was not pushed.',
    );
  });

  it('survives a push that throws', () => {
    const report = vi.fn();
    const page = {
      dataLayer: {
        push() {
          throw new Error('tag failed');
        },
      },
    };
    expect(() => pushLeadConversion(page, 'x', report)).not.toThrow();
    expect(report).toHaveBeenCalledExactlyOnceWith(
      'window.dataLayer.push threw: Error: tag failed',
    );
  });
});
