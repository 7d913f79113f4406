export const es =
  'Contáctanos|Cerrar|Enviar|Enviando…|¡Gracias! Te contactaremos pronto.|Guardado. Se enviará cuando vuelvas a tener conexión.|No se envió. Inténtalo de nuevo.|Nombre|Correo|Teléfono|Código de país|Mensaje|Privacidad|Obligatorio|Revisa este campo|Correo no válido|Número no válido para este país';
