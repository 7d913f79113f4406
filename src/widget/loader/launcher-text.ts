// The only texts the loader carries: the launcher's label (also the panel's heading, handed to
// the form chunk) and what the launcher says when the form could not be fetched.
import type { LocaleCode } from './locale-codes.ts';

const TEXTS: Record<LocaleCode, string> = {
  en: 'Contact us|The form did not load. Try again',
  es: 'Contáctanos|El formulario no cargó. Reintentar',
  fr: 'Contactez-nous|Le formulaire n’a pas chargé. Réessayer',
  de: 'Kontakt|Formular nicht geladen. Erneut versuchen',
  pt: 'Fale conosco|O formulário não carregou. Tentar de novo',
  hi: 'संपर्क करें|फ़ॉर्म लोड नहीं हुआ। फिर से कोशिश करें',
  ar: 'تواصل معنا|لم يُحمَّل النموذج. أعد المحاولة',
};

/** The launcher's label (the site's data-title wins) and its failure text. */
export function launcherText(locale: LocaleCode, title: string | undefined) {
  const [label = '', failed = ''] = TEXTS[locale].split('|');
  return { title: title ?? label, failed };
}
