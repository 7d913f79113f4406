// The whole UI in the shadow root. Floating: a launcher and a non-modal dialog panel; inline:
// the same panel in place as a labelled region.
import { h } from 'preact';
import { LeadForm } from './lead-form.tsx';
import type { ViewProps } from './view-props.ts';

export function Widget(props: ViewProps) {
  const { settings, t, state, act } = props;
  const floating = settings.mode === 'floating';
  return (
    <div
      class={
        floating ? `root floating ${settings.position === 'bottom-left' ? 'left' : ''}` : 'root'
      }
      dir={settings.locale === 'ar' ? 'rtl' : 'ltr'}
      lang={settings.locale}
    >
      {/* A section is a region landmark when labelled; floating, it is a non-modal dialog. */}
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
      {floating && (
        <button
          type="button"
          class="launcher"
          part="launcher"
          aria-expanded={state.open}
          aria-controls="panel"
          onClick={() => act.setOpen(!state.open)}
        >
          {t.title}
        </button>
      )}
    </div>
  );
}
