import type { Strings } from '../strings.ts';

export const ar: Strings = {
  title: 'تواصل معنا',
  close: 'إغلاق',
  send: 'إرسال',
  sending: 'جارٍ الإرسال…',
  sent: 'شكرًا! سنتواصل معك قريبًا.',
  queued: 'تم الحفظ. سيُرسل عند عودة الاتصال.',
  failed: 'لم يُرسل. حاول مرة أخرى.',
  name: 'الاسم',
  email: 'البريد الإلكتروني',
  phone: 'الهاتف',
  country: 'رمز الدولة',
  message: 'الرسالة',
  privacy: 'الخصوصية',
  required: 'مطلوب',
  bad: 'تحقّق من هذا الحقل',
  badEmail: 'بريد غير صالح',
  badPhone: 'رقم غير صالح لهذه الدولة',
};
