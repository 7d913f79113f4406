import type { Strings } from '../strings.ts';

export const fr: Strings = {
  title: 'Contactez-nous',
  close: 'Fermer',
  send: 'Envoyer',
  sending: 'Envoi…',
  sent: 'Merci\u00a0! Nous vous recontacterons vite.',
  queued: 'Enregistré. Envoi dès le retour de la connexion.',
  failed: 'Échec de l’envoi. Réessayez.',
  name: 'Nom',
  email: 'E-mail',
  phone: 'Téléphone',
  country: 'Indicatif pays',
  message: 'Message',
  privacy: 'Confidentialité',
  required: 'Obligatoire',
  bad: 'Vérifiez ce champ',
  badEmail: 'E-mail invalide',
  badPhone: 'Numéro invalide pour ce pays',
};
