export const pt =
  'Fale conosco|Fechar|Enviar|Enviando…|Obrigado! Entraremos em contato em breve.|Salvo. Será enviado quando você estiver online.|Não enviado. Tente novamente.|Nome|E-mail|Telefone|Código do país|Mensagem|Privacidade|Obrigatório|Verifique este campo|E-mail inválido|Número inválido para este país';
