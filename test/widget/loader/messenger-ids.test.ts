import { describe, expect, it } from 'vitest';
import { parseMessengerIds } from '../../../src/widget/loader/messenger-ids.ts';

describe('parseMessengerIds', () => {
  it('reads "BotId,CustomerId" with whitespace and newlines around', () => {
    expect(parseMessengerIds('\n   abc_123 ,\n\t  CUST-9 \n')).toEqual({
      botId: 'abc_123',
      customerId: 'CUST-9',
    });
  });

  it.each([
    ['empty', ''],
    ['one id', 'abc'],
    ['three parts', 'a,b,c'],
    ['an empty id', 'abc, '],
    ['a space inside an id', 'a b,c'],
    ['markup', '<b>a</b>,c'],
    ['an id over 64 characters', `${'a'.repeat(65)},c`],
  ])('rejects %s', (_, text) => {
    expect(parseMessengerIds(text)).toBeUndefined();
  });
});
