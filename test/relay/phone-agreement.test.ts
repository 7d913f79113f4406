// The relay against libphonenumber as the judge, over every region's example number in three
// forms plus one-digit typos (bench/phone-agreement.ts; `npm run bench` prints the figures).
import { describe, expect, it } from 'vitest';
import { agreement, phoneCases, relayAccepts, widgetAccepts } from '../../bench/phone-agreement.ts';

const { cases, skippedRegions } = phoneCases();

describe('phone agreement with libphonenumber', () => {
  it('covers every region with an example number, in national, international and E.164 form', () => {
    expect(skippedRegions).toEqual([]);
    expect(cases.filter((c) => c.example).length).toBeGreaterThanOrEqual(240 * 3);
    expect(cases.filter((c) => !c.valid).length).toBeGreaterThan(500);
  });

  it('has the relay accept 100 % of the examples and hold 99 % of what it accepts valid', () => {
    const relay = agreement(cases, relayAccepts);
    expect(relay.examplesAccepted).toBe(relay.examples);
    expect(relay.acceptedValid / relay.accepted).toBeGreaterThanOrEqual(0.99);
  });

  it('has the widget pre-check let through at least 99 % of the examples', () => {
    const widget = agreement(cases, widgetAccepts);
    expect(widget.examplesAccepted / widget.examples).toBeGreaterThanOrEqual(0.99);
  });
});
