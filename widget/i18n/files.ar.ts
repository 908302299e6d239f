import type { FilesCatalogue } from './files';

export const ar: FilesCatalogue = {
  attach: 'إرفاق ملف',
  limits: 'ملفات حتى {size}: {types}',
  uploading: 'جارٍ إرسال {name}…',
  tooBig: '{name} أكبر من {size}، وهو الحد. لم يُرسل.',
  badType: 'لا يمكن إرسال ملف من نوع {name} هنا.',
  failed: 'لم يُرسل {name}: {reason}',
  failedOffline: 'لم يُرسل {name}: لا يوجد اتصال.',
  download: 'تنزيل {name}',
  dismiss: 'إغلاق',
};
