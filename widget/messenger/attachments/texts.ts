/**
 * The attach button's, upload tray's and file list's texts, in these lazily loaded parts (not in the first load's
 * catalogues, `widget/i18n/`: the messenger on open has no room for them). One entry per language the messenger speaks; English for any other.
 */
export interface FileTexts {
  /** The attach button's accessible name. */
  attach: string;
  /** Said before anything is sent: "Files up to 10 MB: PNG, JPEG, PDF". */
  limits: (size: string, types: string) => string;
  uploading: (name: string) => string;
  tooBig: (name: string, size: string) => string;
  badType: (name: string) => string;
  failed: (name: string, reason: string) => string;
  network: string;
  download: (name: string) => string;
  dismiss: string;
}

const en: FileTexts = {
  attach: 'Attach a file',
  limits: (size, types) => `Files up to ${size}: ${types}`,
  uploading: (name) => `Sending ${name}…`,
  tooBig: (name, size) => `${name} is larger than ${size}, the limit. It was not sent.`,
  badType: (name) => `${name} is a kind of file that can’t be sent here.`,
  failed: (name, reason) => `${name} was not sent: ${reason}`,
  network: 'no connection.',
  download: (name) => `Download ${name}`,
  dismiss: 'Dismiss',
};

const TEXTS: Record<string, FileTexts> = {
  en,
  de: {
    attach: 'Datei anhängen',
    limits: (size, types) => `Dateien bis ${size}: ${types}`,
    uploading: (name) => `${name} wird gesendet…`,
    tooBig: (name, size) => `${name} ist größer als ${size}, die Grenze. Die Datei wurde nicht gesendet.`,
    badType: (name) => `Dateien wie ${name} können hier nicht gesendet werden.`,
    failed: (name, reason) => `${name} wurde nicht gesendet: ${reason}`,
    network: 'keine Verbindung.',
    download: (name) => `${name} herunterladen`,
    dismiss: 'Schließen',
  },
  fr: {
    attach: 'Joindre un fichier',
    limits: (size, types) => `Fichiers jusqu’à ${size} : ${types}`,
    uploading: (name) => `Envoi de ${name}…`,
    tooBig: (name, size) => `${name} dépasse ${size}, la limite. Il n’a pas été envoyé.`,
    badType: (name) => `${name} est un type de fichier qui ne peut pas être envoyé ici.`,
    failed: (name, reason) => `${name} n’a pas été envoyé : ${reason}`,
    network: 'pas de connexion.',
    download: (name) => `Télécharger ${name}`,
    dismiss: 'Fermer',
  },
  es: {
    attach: 'Adjuntar un archivo',
    limits: (size, types) => `Archivos de hasta ${size}: ${types}`,
    uploading: (name) => `Enviando ${name}…`,
    tooBig: (name, size) => `${name} supera ${size}, el límite. No se envió.`,
    badType: (name) => `${name} es un tipo de archivo que no se puede enviar aquí.`,
    failed: (name, reason) => `${name} no se envió: ${reason}`,
    network: 'sin conexión.',
    download: (name) => `Descargar ${name}`,
    dismiss: 'Cerrar',
  },
  pt: {
    attach: 'Anexar um arquivo',
    limits: (size, types) => `Arquivos de até ${size}: ${types}`,
    uploading: (name) => `Enviando ${name}…`,
    tooBig: (name, size) => `${name} passa de ${size}, o limite. Não foi enviado.`,
    badType: (name) => `${name} é um tipo de arquivo que não pode ser enviado aqui.`,
    failed: (name, reason) => `${name} não foi enviado: ${reason}`,
    network: 'sem conexão.',
    download: (name) => `Baixar ${name}`,
    dismiss: 'Fechar',
  },
  ar: {
    attach: 'إرفاق ملف',
    limits: (size, types) => `ملفات حتى ${size}: ${types}`,
    uploading: (name) => `جارٍ إرسال ${name}…`,
    tooBig: (name, size) => `${name} أكبر من ${size}، وهو الحد. لم يُرسل.`,
    badType: (name) => `لا يمكن إرسال ملف من نوع ${name} هنا.`,
    failed: (name, reason) => `لم يُرسل ${name}: ${reason}`,
    network: 'لا يوجد اتصال.',
    download: (name) => `تنزيل ${name}`,
    dismiss: 'إغلاق',
  },
};

export function fileTexts(language: string): FileTexts {
  return TEXTS[language] ?? en;
}

/** "10 MB", "512 kB", in the language's way of writing units. */
export function fileSize(bytes: number, language: string): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(1, Math.round(bytes / 1024)), 'kilobyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** "PNG, JPEG, PDF, TXT": the accepted media types as people name them. */
export function typeNames(types: readonly string[], language: string): string {
  const names = types.map((t) => {
    const sub = (t.split('/')[1] ?? t).replace(/^(x-|vnd\.)/, '');
    return sub === 'plain' ? 'TXT' : sub.toUpperCase();
  });
  return new Intl.ListFormat(language, { style: 'short', type: 'unit' }).format([...new Set(names)]);
}
