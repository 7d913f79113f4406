import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readOwnerFields } from '../../src/widget/owner-fields-block.ts';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('readOwnerFields', () => {
  it('reads the JSON block beside the tag', () => {
    document.body.innerHTML = `
      <div id="beside-the-tag"></div>
      <script type="application/json" data-eleapi-leads-fields>
        [{ "kind": "text", "key": "company", "label": { "en": "Company", "ar": "الشركة" } }]
      </script>`;
    const report = vi.fn();
    expect(readOwnerFields(document, report)).toEqual([
      expect.objectContaining({
        kind: 'text',
        key: 'company',
        label: { en: 'Company', ar: 'الشركة' },
      }),
    ]);
    expect(report).not.toHaveBeenCalled();
  });

  it('shows no questions of the owner, silently, without a block', () => {
    document.body.innerHTML = '<script type="application/json">[{"kind":"text"}]</script>';
    const report = vi.fn();
    expect(readOwnerFields(document, report)).toEqual([]);
    expect(report).not.toHaveBeenCalled();
  });

  it('reads the first of two blocks and says so once', () => {
    const block = (key: string) =>
      `<script type="application/json" data-eleapi-leads-fields>[{"kind":"text","key":"${key}","label":"L"}]</script>`;
    document.body.innerHTML = block('first') + block('second');
    const report = vi.fn();
    expect(readOwnerFields(document, report).map((field) => field.key)).toEqual(['first']);
    expect(report).toHaveBeenCalledExactlyOnceWith(
      '2 data-eleapi-leads-fields blocks: only the first is read.',
    );
  });
});
