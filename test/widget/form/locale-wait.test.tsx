import { act } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { tableFor } from '../../_util/widget/mount-widget.ts';
import { renderWidget } from '../../_util/widget/render-widget.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Texts on the way, as while the locale's file loads (src/widget/form/locale-texts.ts). */
function pendingTexts() {
  let arrive: (table: string) => void = () => {};
  const texts = new Promise<string>((resolve) => {
    arrive = resolve;
  });
  return { texts, arrive: (locale: string) => act(async () => arrive(tableFor(locale))) };
}

describe('while the locale’s texts are on the way', () => {
  it('opens the floating panel once they arrive, in that language', async () => {
    const { texts, arrive } = pendingTexts();
    const { root, controller, view } = renderWidget({ mode: 'floating', locale: 'de' }, undefined, {
      texts,
    });
    act(() => view.open());
    expect(root.querySelector('#panel')).toBeNull();
    expect(controller.events).toEqual([]);
    await arrive('de');
    expect(root.querySelector<HTMLElement>('#panel')?.hidden).toBe(false);
    expect(root.querySelector('[type="submit"]')?.textContent).toBe('Senden');
    expect(controller.events).toEqual(['open']);
  });

  it('applies an open then a close asked meanwhile in order: the panel ends closed', async () => {
    const { texts, arrive } = pendingTexts();
    const { root, controller, view } = renderWidget({ mode: 'floating', locale: 'es' }, undefined, {
      texts,
    });
    act(() => view.open());
    act(() => view.close());
    await arrive('es');
    expect(root.querySelector<HTMLElement>('#panel')?.hidden).toBe(true);
    expect(controller.events).toEqual(['open', 'close']);
  });

  it('draws the inline form once they arrive', async () => {
    const { texts, arrive } = pendingTexts();
    const { root } = renderWidget({ mode: 'inline', locale: 'fr' }, undefined, { texts });
    expect(root.querySelector('form')).toBeNull();
    await arrive('fr');
    expect(root.querySelector('[type="submit"]')?.textContent).toBe('Envoyer');
  });

  it('draws nothing when they arrive after destroy', async () => {
    const { texts, arrive } = pendingTexts();
    const { root, view } = renderWidget({ mode: 'inline', locale: 'pt' }, undefined, { texts });
    act(() => view.destroy());
    await arrive('pt');
    expect(root.querySelector('form')).toBeNull();
  });
});
