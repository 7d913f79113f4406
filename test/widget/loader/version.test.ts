import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { VERSION } from '../../../src/widget/loader/version.ts';

describe('EleapiLeads.version', () => {
  it("is the package's version", () => {
    expect(VERSION).toBe(pkg.version);
  });
});
