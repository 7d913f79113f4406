// Draws the panel into the loader's shadow root: at once inline, on first open when floating
// (rendering a hidden panel was half the widget's script time at load, issue 10).
// Every .tsx imports preact's h for classic JSX (tsconfig.json): jsx-runtime costs ~75 B gzip.
import { h, render, type VNode } from 'preact';
import { countryByIso } from '../../shared/dial-codes.ts';
import type { OwnerField } from '../../shared/owner-fields.ts';
import type { MountOptions } from '../form-seam.ts';
import { completeSettings } from '../form-settings.ts';
import type { FormController, WidgetView } from '../types.ts';
import { askedQuestions } from './asked-questions.ts';
import type { LoadPiece } from './beside-chunk.ts';
import { countryOptions } from './countries.ts';
import { formController } from './form-controller.ts';
import { likelyRegion } from './likely-region.ts';
import type { LocaleTexts } from './locale-texts.ts';
import { type Strings, stringsFor } from './strings.ts';
import { formSheet } from './styles.ts';
import { createViewState } from './view-state.ts';
import { viewWhen } from './view-when.ts';
import { Widget } from './widget.tsx';

/** The form's handles for the loader, which calls it once the chunk registered (form-seam.ts). */
export function mountForm(
  { core, attrs, autoOpen: _, ...options }: MountOptions,
  texts: LocaleTexts,
  pieces: LoadPiece,
): WidgetView {
  const doc = options.root.host.ownerDocument;
  // The form's own settings: the loader left them to the chunk, so each is reported once.
  const settings = completeSettings(core.settings, attrs, doc, options.report);
  const table = texts(settings.locale, options.report);
  // Read when the form is built: the block may come after the tag in the page.
  const questions = askedQuestions(doc, options.report, () => pieces('fields'));
  const mount = (asked: readonly OwnerField[]) =>
    mountPanel({
      ...options,
      questions: asked,
      controller: formController({ ...core, settings }, asked),
      texts: table,
    });
  return questions instanceof Promise ? viewWhen(questions, mount) : mount(questions);
}

type PanelOptions = Omit<MountOptions, 'core' | 'attrs' | 'remembered' | 'forget' | 'autoOpen'> &
  Partial<Pick<MountOptions, 'remembered' | 'forget'>> & {
    controller: FormController;
    questions?: readonly OwnerField[];
    /** The locale's table (strings.ts), or its file on the way; English when not given. */
    texts?: string | Promise<string>;
  };

/** The panel over any FormController (tests pass a double). */
export function mountPanel({
  controller: given,
  root,
  slot,
  title,
  report,
  questions = [],
  remembered = false,
  forget = () => {},
  texts,
}: PanelOptions): WidgetView {
  const { navigator } = root.ownerDocument.defaultView ?? window;
  let defaultCountry =
    given.settings.defaultCountry ??
    likelyRegion([...(navigator.languages ?? []), navigator.language ?? '']);
  // The loader checks the code's shape only: the dial table is here.
  if (!countryByIso(defaultCountry)) {
    report(`default country "${defaultCountry}" is not in the dial table; using US.`);
    defaultCountry = 'US';
  }
  const settings = { ...given.settings, defaultCountry };
  const controller = { ...given, settings };
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, formSheet()];
  // Until the locale's file is here, what the loader asks waits for it, in order.
  let t: Strings | undefined;
  let destroyed = false;
  const read = (table?: string) => {
    t = stringsFor(settings, title, table);
  };
  const ready = texts instanceof Promise ? texts.then(read) : read(texts);
  const whenTexts = (run: () => void) => (t ? run() : ready?.then(() => destroyed || run()));
  // An <option> holds text only: a left-to-right mark keeps "+971" from reading "971+" in an
  // Arabic line. The full list is made once, on first use; the same vnodes on every render after.
  const mark = settings.locale === 'ar' ? '\u200e' : '';
  const option = (iso: string, name: string, dialCode: string) => (
    <option value={iso}>{`${name} (${mark}${dialCode})`}</option>
  );
  let options: VNode[] | undefined;
  const optionsFor = (listed: boolean, country: string) => {
    if (listed) {
      options ??= countryOptions(settings.locale).map((c) => option(c.iso, c.name, c.dialCode));
      return options;
    }
    // Until then only the selected country, by its ISO code: the first Intl.DisplayNames of a
    // page takes ~100 ms at 4× CPU, most of what first open cost (issue 10, ARCHITECTURE.md).
    return [option(country, country, countryByIso(country)?.dialCode ?? '')];
  };

  let drawn: ReturnType<typeof createViewState> | undefined;
  const draw = () => {
    drawn ??= createViewState(
      controller,
      root,
      (state, act) =>
        render(
          <Widget
            settings={settings}
            t={t as Strings}
            options={optionsFor(state.listed, state.country)}
            questions={questions}
            state={state}
            act={act}
          />,
          slot,
        ),
      { questions, remembered, forget },
    );
    return drawn;
  };
  if (settings.mode === 'inline') whenTexts(draw);

  return {
    open: (options) => whenTexts(() => draw().actions.setOpen(true, options?.moveFocus)),
    prepare: () => whenTexts(draw),
    close: () => whenTexts(() => drawn?.actions.setOpen(false)),
    destroy() {
      destroyed = true;
      drawn?.dispose();
      render(null, slot);
    },
  };
}
