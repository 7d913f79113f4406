import type { Strings } from '../strings.ts';

export const hi: Strings = {
  title: 'संपर्क करें',
  close: 'बंद करें',
  send: 'भेजें',
  sending: 'भेजा जा रहा है…',
  sent: 'धन्यवाद! हम जल्द संपर्क करेंगे।',
  queued: 'सहेजा गया। ऑनलाइन होते ही भेजा जाएगा।',
  failed: 'नहीं भेजा गया। फिर से कोशिश करें।',
  name: 'नाम',
  email: 'ईमेल',
  phone: 'फ़ोन',
  country: 'देश कोड',
  message: 'संदेश',
  privacy: 'गोपनीयता',
  required: 'आवश्यक',
  bad: 'यह फ़ील्ड जाँचें',
  badEmail: 'अमान्य ईमेल',
  badPhone: 'इस देश के लिए अमान्य नंबर',
};
