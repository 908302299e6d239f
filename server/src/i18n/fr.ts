import type { Texts } from './en';

export const fr: Texts = {
  greeting: (agentName) => `Bonjour ! Je suis ${agentName}. Comment puis-je vous aider aujourd’hui ?`,
  welcome: 'Avec plaisir ! Puis-je vous aider pour autre chose ?',
  noAnswerOffer:
    'Désolé, je n’ai pas trouvé de réponse à cela dans notre centre d’aide. Voulez-vous que je vous mette en relation avec une personne, ou dois-je continuer à chercher ? Vous pouvez aussi reformuler votre question.',
  noAnswerAgain: 'Désolé, je ne trouve pas cela non plus dans notre centre d’aide. Essayez de reformuler, ou choisissez « Parler à une personne » et notre équipe prendra le relais.',
  offer: 'Voulez-vous que je vous mette en relation avec une personne, ou dois-je continuer à chercher ?',
  frustratedApology: 'Je suis désolé que ce soit si pénible. ',
  repeatedApology: 'On dirait que mes réponses ne vous aident pas. ',
  priority: { high: 'haute', medium: 'moyenne', low: 'basse' },
  handoffNotice: (n) =>
    `J’ai transmis votre demande à notre équipe d’assistance, ${n.followUp ? 'comme suite du ticket, ticket' : 'ticket'} n° ${n.number} (priorité ${fr.priority[n.priority]}). ${n.promise} Vous pouvez continuer à écrire ici ; tout ce que vous ajoutez rejoint le même ticket.`,
  promise: {
    solved: 'Cette demande est résolue. Répondez ici si vous avez besoin d’aide et elle sera rouverte.',
    closed: 'Cette demande est close.',
    ourTeam: (centre) => `Notre équipe ${centre}`,
    yourTeam: (team) => `Votre ${team}`,
    onIt: (team) => `${team} s’en occupe et vous tiendra informé ici.`,
    replyBy: (time) => ` et répondra d’ici ${time}`,
    inNow: (team, by) => `${team} est disponible maintenant${by}.`,
    closedNow: (team, by) => `${team} est fermée pour le moment${by}.`,
    opensAt: (team, time, by) => `${team} ouvre à ${time}${by}.`,
    yourTime: (time) => `${time}, heure locale`,
    utc: (time) => `${time} UTC`,
  },
  mail: {
    hello: 'Bonjour,',
    confirmSubject: 'Veuillez confirmer votre adresse e-mail',
    confirmBody: (site, number, link) =>
      `Quelqu’un a indiqué cette adresse dans le chat de ${site}${number ? ` pour la demande n° ${number}` : ''}, afin de recevoir par e-mail les réponses de l’équipe d’assistance.\n\n` +
      `Pour la confirmer, répondez à cet e-mail ou ouvrez ce lien :\n${link}\n\n` +
      'Tant que vous n’avez pas confirmé, nous n’envoyons rien d’autre à cette adresse. Si ce n’était pas vous, ignorez cet e-mail.\n',
    replyFooter: (number) => `Demande n° ${number} : répondez à cet e-mail pour nous écrire ; merci de garder [#${number}] dans l’objet.`,
    csatBody: (number, links) =>
      `Nous avons résolu la demande n° ${number}. Qu’avez-vous pensé de notre aide ? Choisissez de 1 (mauvais) à 5 (excellent) :\n\n${links}\n\nChaque lien ouvre une page où vous pouvez ajouter un commentaire et envoyer votre réponse.\n`,
    transcriptSubject: (number, site) => `[#${number}] Votre conversation avec ${site}`,
    transcriptHeading: (site, number) => `Assistance ${site} : demande n° ${number}`,
    subject: 'Objet',
    status: 'Statut',
    statuses: { new: 'Nouvelle', open: 'Ouverte', pending: 'En attente de votre réponse', on_hold: 'Suspendue', solved: 'Résolue', closed: 'Clôturée' },
    attached: (name) => `(pièce jointe : ${name})`,
    cut: (max) => `(Seuls les ${max} premiers messages sont affichés.)`,
    signInSubject: (site) => `Votre lien de connexion pour ${site}`,
    signInBody: (site, link, minutes) =>
      `Ouvrez ce lien pour voir et gérer vos demandes d’assistance auprès de ${site} :\n\n${link}\n\nLe lien ne fonctionne qu’une fois, pendant ${minutes} minutes. Si vous ne l’avez pas demandé, ignorez cet e-mail.\n`,
  },
};
