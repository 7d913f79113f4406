import { describe, expect, it, vi } from 'vitest';
import {
  claimGlobal,
  installPublicApi,
  type PublicApi,
  removePublicApi,
  runCall,
} from '../../../src/widget/loader/public-api.ts';

function fakeApi(): PublicApi {
  return {
    open: vi.fn(),
    close: vi.fn(),
    prefill: vi.fn(),
    on: vi.fn(() => () => {}),
    off: vi.fn(),
    destroy: vi.fn(),
    push: vi.fn(),
    version: '0.0.0',
  };
}

describe('claimGlobal', () => {
  it('is free when EleapiLeads is absent or a pre-load queue', () => {
    const report = vi.fn();
    expect(claimGlobal({}, report)).toBe(true);
    expect(claimGlobal({ EleapiLeads: [] }, report)).toBe(true);
    expect(report).not.toHaveBeenCalled();
  });

  it('refuses, with one error, when another copy already installed it', () => {
    const report = vi.fn();
    expect(claimGlobal({ EleapiLeads: fakeApi() }, report)).toBe(false);
    expect(report).toHaveBeenCalledExactlyOnceWith(expect.stringContaining('already exists'));
  });
});

describe('installPublicApi', () => {
  it('replays the pre-load queue in order, then replaces it with the API', () => {
    const api = fakeApi();
    const listener = () => {};
    const host: { EleapiLeads?: unknown } = {
      EleapiLeads: [['prefill', { name: 'Ada' }], ['on', 'success', listener], ['open']],
    };
    installPublicApi(host, api, vi.fn());
    expect(host.EleapiLeads).toBe(api);
    expect(api.prefill).toHaveBeenCalledWith({ name: 'Ada' });
    expect(api.on).toHaveBeenCalledWith('success', listener);
    const order = [api.prefill, api.on, api.open].map(
      (fn) => vi.mocked(fn).mock.invocationCallOrder[0],
    );
    expect(order).toEqual([...order].sort());
  });

  it('reports queued calls it does not know, and goes on with the rest', () => {
    const api = fakeApi();
    const report = vi.fn();
    installPublicApi({ EleapiLeads: [['explode'], 'open', ['close']] }, api, report);
    expect(report).toHaveBeenCalledTimes(2);
    expect(report.mock.calls[0]?.[0]).toContain('unknown call "explode"');
    expect(api.close).toHaveBeenCalledOnce();
  });
});

describe('runCall', () => {
  it('runs the method named by the first item with the rest as arguments', () => {
    const api = fakeApi();
    runCall(api, ['prefill', { email: 'a@b.co' }], vi.fn());
    expect(api.prefill).toHaveBeenCalledWith({ email: 'a@b.co' });
  });

  it('does not run push or version through a queued call', () => {
    const api = fakeApi();
    const report = vi.fn();
    runCall(api, ['push', ['open']], report);
    runCall(api, ['version'], report);
    expect(api.push).not.toHaveBeenCalled();
    expect(report).toHaveBeenCalledTimes(2);
  });
});

describe('removePublicApi', () => {
  it('removes the global only while it is still this API', () => {
    const api = fakeApi();
    const host: { EleapiLeads?: unknown } = { EleapiLeads: api };
    removePublicApi(host, fakeApi());
    expect(host.EleapiLeads).toBe(api);
    removePublicApi(host, api);
    expect('EleapiLeads' in host).toBe(false);
  });
});
