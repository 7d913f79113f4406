import { describe, expect, it } from 'vitest';
import { reservedEm } from '../../../src/widget/loader/reserve.ts';

// Panel heights measured in Chromium at 16 px (src/widget/loader/reserve.ts); the reserve may be
// a hair under (the box then grows by a fraction of a pixel), never over (a gap under the form).
describe('reservedEm', () => {
  it.each([
    [{ fields: ['name'] as const, consent: undefined }, 12.474],
    [{ fields: ['name', 'email'] as const, consent: undefined }, 17.748],
    [{ fields: ['name', 'email', 'phone'] as const, consent: undefined }, 28.297],
    [{ fields: ['name', 'email', 'phone', 'message'] as const, consent: undefined }, 37.544],
    [{ fields: ['name', 'email', 'phone'] as const, consent: 'I agree' }, 30.821],
  ])('reserves just under the drawn height of %o', (settings, drawnEm) => {
    const em = reservedEm({ ...settings, fields: [...settings.fields] });
    expect(em).toBeLessThanOrEqual(drawnEm);
    expect(drawnEm - em).toBeLessThan(0.02);
  });
});
