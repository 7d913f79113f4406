// The panel in the loader's .root: floating, a non-modal dialog next to the loader's launcher;
// inline, the same panel in place as a labelled region.
import { h } from 'preact';
import { LeadForm } from './lead-form.tsx';
import type { ViewProps } from './view-props.ts';

export function Widget(props: ViewProps) {
  const { settings, t, state, act } = props;
  const floating = settings.mode === 'floating';
  return (
    // A section is a region landmark when labelled; floating, it is a non-modal dialog.
    <section
      id="panel"
      class="panel"
      part="panel"
      role={floating ? 'dialog' : undefined}
      aria-labelledby="title"
      hidden={floating && !state.open}
      onKeyDown={(event) => event.key === 'Escape' && act.setOpen(false)}
    >
      <div class="head">
        <h2 id="title">{t.title}</h2>
        {floating && (
          <button
            type="button"
            class="close"
            aria-label={t.close}
            onClick={() => act.setOpen(false)}
          >
            ×
          </button>
        )}
      </div>
      <LeadForm {...props} />
    </section>
  );
}
