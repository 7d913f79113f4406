// data-datalayer="on": one `generate_lead` push to window.dataLayer (Google Tag Manager, GA4)
// per lead the relay accepted, with no personal data (issue 12).
import { ID_PATTERN } from '../shared/lead-limits.ts';

/** Exactly what is pushed: no name, email, phone, message or uuid. */
export interface LeadConversion {
  event: 'generate_lead';
  lead_source: 'eleapi-leads';
  form_id: string;
}

export const DEFAULT_FORM_ID = 'eleapi-leads';

export interface DataLayerSetting {
  enabled: boolean;
  /** `data-form-id`, else the tag's `id`, else `eleapi-leads`: tells two forms of a site apart. */
  formId: string;
}

/** Reads data-datalayer and data-form-id; each bad value gets one error and its default. */
export function parseDataLayer(
  attrs: Record<string, string>,
  report: (message: string) => void,
): DataLayerSetting {
  const raw = attrs['data-datalayer']?.trim();
  if (raw !== undefined && raw !== 'on' && raw !== 'off') {
    report(
      `data-datalayer="${raw.slice(0, 80)}" is invalid: expected on or off. Using the default (off).`,
    );
  }
  const formId = attrs['data-form-id']?.trim();
  const valid = formId !== undefined && ID_PATTERN.test(formId);
  if (formId !== undefined && !valid) {
    report(
      `data-form-id="${formId.slice(0, 80)}" is invalid: expected up to 64 letters, digits, _ or -. Using the default.`,
    );
  }
  const tagId = attrs.id?.trim();
  return {
    enabled: raw === 'on',
    formId: valid ? formId : tagId && ID_PATTERN.test(tagId) ? tagId : DEFAULT_FORM_ID,
  };
}

type Host = { dataLayer?: unknown };

/**
 * Pushes one `generate_lead` for an accepted lead. Call it once per `success` (a lead kept
 * offline counts when it lands), after the event, before any data-success-url navigation.
 * Through `dataLayer.push`, which Google Tag Manager replaces with its own.
 */
export function pushLeadConversion(
  host: object,
  formId: string,
  report: (message: string) => void,
): void {
  const page = host as Host;
  page.dataLayer ??= [];
  const layer = page.dataLayer as { push?: unknown };
  const conversion: LeadConversion = {
    event: 'generate_lead',
    lead_source: 'eleapi-leads',
    form_id: formId,
  };
  // A page that uses the name for something else keeps it: replacing it could break the page.
  if (typeof layer?.push !== 'function') {
    report('window.dataLayer is not a list: generate_lead was not pushed.');
    return;
  }
  try {
    (layer.push as (item: LeadConversion) => unknown)(conversion);
  } catch (error) {
    // A tag that throws inside GTM's push must not stop the widget.
    report(`window.dataLayer.push threw: ${error}`);
  }
}
