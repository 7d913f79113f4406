import type { Strings } from '../strings.ts';

export const de: Strings = {
  title: 'Kontakt',
  close: 'Schließen',
  send: 'Senden',
  sending: 'Wird gesendet…',
  sent: 'Danke! Wir melden uns bald.',
  queued: 'Gespeichert. Wird gesendet, sobald Sie online sind.',
  failed: 'Nicht gesendet. Bitte erneut versuchen.',
  name: 'Name',
  email: 'E-Mail',
  phone: 'Telefon',
  country: 'Ländervorwahl',
  message: 'Nachricht',
  privacy: 'Datenschutz',
  required: 'Pflichtfeld',
  bad: 'Bitte prüfen',
  badEmail: 'Ungültige E-Mail',
  badPhone: 'Ungültige Nummer für dieses Land',
};
