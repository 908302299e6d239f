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
};
