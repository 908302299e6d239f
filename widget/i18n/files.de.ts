import type { FilesCatalogue } from './files';

export const de: FilesCatalogue = {
  attach: 'Datei anhängen',
  limits: 'Dateien bis {size}: {types}',
  uploading: '{name} wird gesendet…',
  tooBig: '{name} ist größer als {size}, die Grenze. Die Datei wurde nicht gesendet.',
  badType: 'Dateien wie {name} können hier nicht gesendet werden.',
  failed: '{name} wurde nicht gesendet: {reason}',
  failedOffline: '{name} wurde nicht gesendet: keine Verbindung.',
  download: '{name} herunterladen',
  dismiss: 'Schließen',
};
