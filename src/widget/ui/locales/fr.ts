export const fr =
  'Contactez-nous|Fermer|Envoyer|Envoi…|Merci\u00a0! Nous vous recontacterons vite.|Enregistré. Envoi dès le retour de la connexion.|Échec de l’envoi. Réessayez.|Nom|E-mail|Téléphone|Indicatif pays|Message|Confidentialité|Obligatoire|Vérifiez ce champ|E-mail invalide|Numéro invalide pour ce pays';
