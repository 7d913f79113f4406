import type { Strings } from '../strings.ts';

export const pt: Strings = {
  title: 'Fale conosco',
  close: 'Fechar',
  send: 'Enviar',
  sending: 'Enviando…',
  sent: 'Obrigado! Entraremos em contato em breve.',
  queued: 'Salvo. Será enviado quando você estiver online.',
  failed: 'Não enviado. Tente novamente.',
  name: 'Nome',
  email: 'E-mail',
  phone: 'Telefone',
  country: 'Código do país',
  message: 'Mensagem',
  privacy: 'Privacidade',
  required: 'Obrigatório',
  bad: 'Verifique este campo',
  badEmail: 'E-mail inválido',
  badPhone: 'Número inválido para este país',
};
