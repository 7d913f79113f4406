import { act, fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type Rendered, renderWidget } from '../../_util/widget/render-widget.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

const floating = (settings = {}) => renderWidget({ mode: 'floating', ...settings });
const launcher = ({ ui }: Rendered) => ui.getByRole('button', { name: 'Contact us' });
const panel = ({ root }: Rendered) => root.getElementById('panel') as HTMLElement;

describe('floating mode', () => {
  it('shows only a launcher, and draws no panel until the visitor opens it', () => {
    const rendered = floating();
    expect(launcher(rendered).getAttribute('aria-expanded')).toBe('false');
    expect(launcher(rendered).getAttribute('aria-controls')).toBe('panel');
    expect(rendered.root.querySelector('#panel')).toBeNull();
    expect(rendered.ui.queryByRole('dialog')).toBeNull();
    fireEvent.click(launcher(rendered));
    fireEvent.click(launcher(rendered));
    expect(panel(rendered).hidden).toBe(true);
  });

  it('opens a non-modal dialog named by its title and focuses the first field', async () => {
    const rendered = floating();
    fireEvent.click(launcher(rendered));
    const dialog = rendered.ui.getByRole('dialog', { name: 'Contact us' });
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
    expect(launcher(rendered).getAttribute('aria-expanded')).toBe('true');
    await waitFor(() =>
      expect(rendered.root.activeElement).toBe(rendered.ui.getByRole('textbox', { name: 'Name' })),
    );
    expect(rendered.controller.events).toEqual(['open']);
  });

  it('closes on Escape and gives focus back to the launcher', async () => {
    const rendered = floating();
    fireEvent.click(launcher(rendered));
    const name = rendered.ui.getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(rendered.root.activeElement).toBe(name));
    fireEvent.keyDown(name, { key: 'Escape' });
    expect(panel(rendered).hidden).toBe(true);
    expect(rendered.root.activeElement).toBe(launcher(rendered));
    expect(rendered.controller.events).toEqual(['open', 'close']);
  });

  it('closes from its close button and from the launcher', () => {
    const rendered = floating();
    fireEvent.click(launcher(rendered));
    fireEvent.click(rendered.ui.getByRole('button', { name: 'Close' }));
    expect(panel(rendered).hidden).toBe(true);
    expect(rendered.root.activeElement).toBe(launcher(rendered));
    fireEvent.click(launcher(rendered));
    fireEvent.click(launcher(rendered));
    expect(panel(rendered).hidden).toBe(true);
    expect(rendered.controller.events).toEqual(['open', 'close', 'open', 'close']);
  });

  it('draws the panel closed and unannounced when the visitor reaches for the launcher', () => {
    const rendered = floating();
    act(() => rendered.view.prepare());
    expect(panel(rendered).hidden).toBe(true);
    expect(rendered.root.querySelector('input[name="name"]')).not.toBeNull();
    act(() => rendered.view.prepare());
    expect(rendered.controller.events).toEqual([]);
    act(() => rendered.view.open());
    expect(panel(rendered).hidden).toBe(false);
    expect(rendered.controller.events).toEqual(['open']);
  });

  it('is driven by WidgetView.open and close, emitting each change once', () => {
    const rendered = floating();
    act(() => rendered.view.open());
    act(() => rendered.view.open());
    expect(panel(rendered).hidden).toBe(false);
    act(() => rendered.view.close());
    act(() => rendered.view.close());
    expect(panel(rendered).hidden).toBe(true);
    expect(rendered.controller.events).toEqual(['open', 'close']);
  });

  it('does not pull focus from the page when the script closes the panel', () => {
    const rendered = floating();
    const pageButton = document.createElement('button');
    document.body.prepend(pageButton);
    act(() => rendered.view.open());
    pageButton.focus();
    act(() => rendered.view.close());
    expect(document.activeElement).toBe(pageButton);
  });

  it('keeps what was typed when closed and opened again', () => {
    const rendered = floating();
    fireEvent.click(launcher(rendered));
    const name = rendered.ui.getByRole('textbox', { name: 'Name' }) as HTMLInputElement;
    fireEvent.input(name, { target: { value: 'Ada' } });
    fireEvent.click(launcher(rendered));
    fireEvent.click(launcher(rendered));
    expect((rendered.ui.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe(
      'Ada',
    );
  });

  it('sits at the position the site chose', () => {
    const first = floating();
    expect(first.root.querySelector('.floating')?.classList.contains('left')).toBe(false);
    first.host.remove();
    expect(
      floating({ position: 'bottom-left' })
        .root.querySelector('.floating')
        ?.classList.contains('left'),
    ).toBe(true);
  });
});

describe('inline mode', () => {
  it('shows the form in place as a labelled region, with no launcher or close button', () => {
    const rendered = renderWidget({ mode: 'inline' });
    expect(rendered.ui.getByRole('region', { name: 'Contact us' })).toBeTruthy();
    expect(rendered.ui.queryByRole('dialog')).toBeNull();
    expect(rendered.ui.queryByRole('button', { name: 'Close' })).toBeNull();
    expect(rendered.root.querySelector('[part="launcher"]')).toBeNull();
    act(() => rendered.view.close());
    expect(rendered.ui.getByRole('textbox', { name: 'Name' })).toBeTruthy();
    expect(rendered.controller.events).toEqual([]);
  });
});
