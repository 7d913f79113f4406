export const en =
  'Contact us|Close|Send|Sending…|Thanks! We will be in touch soon.|Saved. It will be sent when you are back online.|Not sent. Please try again.|Name|Email|Phone|Country code|Message|Privacy policy|Required|Check this field|Enter a valid email|Not a valid number for this country';
