import type { Strings } from '../strings.ts';

export const es: Strings = {
  title: 'Contáctanos',
  close: 'Cerrar',
  send: 'Enviar',
  sending: 'Enviando…',
  sent: '¡Gracias! Te contactaremos pronto.',
  queued: 'Guardado. Se enviará cuando vuelvas a tener conexión.',
  failed: 'No se envió. Inténtalo de nuevo.',
  name: 'Nombre',
  email: 'Correo',
  phone: 'Teléfono',
  country: 'Código de país',
  message: 'Mensaje',
  privacy: 'Privacidad',
  required: 'Obligatorio',
  bad: 'Revisa este campo',
  badEmail: 'Correo no válido',
  badPhone: 'Número no válido para este país',
};
