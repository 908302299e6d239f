import type { FilesCatalogue } from './files';

export const fr: FilesCatalogue = {
  attach: 'Joindre un fichier',
  limits: 'Fichiers jusqu’à {size} : {types}',
  uploading: 'Envoi de {name}…',
  tooBig: '{name} dépasse {size}, la limite. Il n’a pas été envoyé.',
  badType: '{name} est un type de fichier qui ne peut pas être envoyé ici.',
  failed: '{name} n’a pas été envoyé : {reason}',
  failedOffline: '{name} n’a pas été envoyé : pas de connexion.',
  download: 'Télécharger {name}',
  dismiss: 'Fermer',
};
