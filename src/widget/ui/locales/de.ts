export const de =
  'Kontakt|Schließen|Senden|Wird gesendet…|Danke! Wir melden uns bald.|Gespeichert. Wird gesendet, sobald Sie online sind.|Nicht gesendet. Bitte erneut versuchen.|Name|E-Mail|Telefon|Ländervorwahl|Nachricht|Datenschutz|Pflichtfeld|Bitte prüfen|Ungültige E-Mail|Ungültige Nummer für dieses Land';
