import type { FilesCatalogue } from './files';

export const es: FilesCatalogue = {
  attach: 'Adjuntar un archivo',
  limits: 'Archivos de hasta {size}: {types}',
  uploading: 'Enviando {name}…',
  tooBig: '{name} supera {size}, el límite. No se envió.',
  badType: '{name} es un tipo de archivo que no se puede enviar aquí.',
  failed: '{name} no se envió: {reason}',
  failedOffline: '{name} no se envió: sin conexión.',
  download: 'Descargar {name}',
  dismiss: 'Cerrar',
};
