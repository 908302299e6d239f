import type { FilesCatalogue } from './files';

export const pt: FilesCatalogue = {
  attach: 'Anexar um ficheiro',
  limits: 'Ficheiros até {size}: {types}',
  uploading: 'A enviar {name}…',
  tooBig: '{name} excede {size}, o limite. Não foi enviado.',
  badType: '{name} é um tipo de ficheiro que não pode ser enviado aqui.',
  failed: '{name} não foi enviado: {reason}',
  failedOffline: '{name} não foi enviado: sem ligação.',
  download: 'Transferir {name}',
  dismiss: 'Fechar',
};
