import type { Strings } from '../strings.ts';

export const en: Strings = {
  title: 'Contact us',
  close: 'Close',
  send: 'Send',
  sending: 'Sending…',
  sent: 'Thanks! We will be in touch soon.',
  queued: 'Saved. It will be sent when you are back online.',
  failed: 'Not sent. Please try again.',
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  country: 'Country code',
  message: 'Message',
  privacy: 'Privacy policy',
  required: 'Required',
  bad: 'Check this field',
  badEmail: 'Enter a valid email',
  badPhone: 'Not a valid number for this country',
};
