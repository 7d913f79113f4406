// The whole UI in the shadow root. Floating: a launcher and a non-modal dialog panel; inline:
// the same panel in place as a labelled region.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { FormController } from '../types.ts';
import { LeadForm } from './lead-form.tsx';
import { directionOf, type Strings } from './strings.ts';

interface WidgetProps {
  controller: FormController;
  t: Strings;
  open: boolean;
  onOpen(open: boolean): void;
}

// First thing to land on when the panel opens: the first field, or the thank-you message.
const FIRST = '.d,input:not([tabindex]),select,textarea';

export function Widget({ controller, t, open, onOpen }: WidgetProps) {
  const { settings } = controller;
  const floating = settings.mode === 'floating';
  const panel = useRef<HTMLElement>(null);
  const launcher = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // Layout effect: runs before the browser drops focus from the panel it is about to hide.
  useLayoutEffect(() => {
    if (open === wasOpen.current) return;
    wasOpen.current = open;
    const button = launcher.current;
    if (open) panel.current?.querySelector<HTMLElement>(FIRST)?.focus();
    // Focus goes back only when it was in the widget, never pulled from the page.
    else if ((button?.getRootNode() as ShadowRoot | undefined)?.activeElement) button?.focus();
  }, [open]);

  return (
    <div
      class={floating ? `r f ${settings.position === 'bottom-left' ? 'lt' : ''}` : 'r'}
      dir={directionOf(settings.locale)}
      lang={settings.locale}
    >
      {/* A section is a region landmark when labelled; floating, it is a non-modal dialog. */}
      <section
        ref={panel}
        id="panel"
        class="p"
        part="panel"
        role={floating ? 'dialog' : undefined}
        aria-labelledby="title"
        hidden={floating && !open}
        onKeyDown={(event) => event.key === 'Escape' && onOpen(false)}
      >
        <div class="h">
          <h2 id="title">{t.title}</h2>
          {floating && (
            <button type="button" class="x" aria-label={t.close} onClick={() => onOpen(false)}>
              ×
            </button>
          )}
        </div>
        <LeadForm controller={controller} t={t} />
      </section>
      {floating && (
        <button
          ref={launcher}
          type="button"
          class="l"
          part="launcher"
          aria-expanded={open}
          aria-controls="panel"
          onClick={() => onOpen(!open)}
        >
          {t.title}
        </button>
      )}
    </div>
  );
}
