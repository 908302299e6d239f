import type { Texts } from './en';

export const de: Texts = {
  greeting: (agentName) => `Hallo! Ich bin ${agentName}. Wobei kann ich Ihnen heute helfen?`,
  welcome: 'Gern geschehen! Kann ich Ihnen noch bei etwas anderem helfen?',
  noAnswerOffer:
    'Das tut mir leid, dazu habe ich in unserem Hilfe-Center keine Antwort gefunden. Soll ich Sie mit einer Person verbinden, oder soll ich es weiter versuchen? Sie können Ihre Frage auch anders formulieren.',
  noAnswerAgain: 'Das tut mir leid, auch dazu finde ich nichts in unserem Hilfe-Center. Formulieren Sie die Frage anders, oder wählen Sie „Mit einer Person sprechen“, dann übernimmt unser Team.',
  offer: 'Soll ich Sie mit einer Person verbinden, oder soll ich es weiter versuchen?',
  frustratedApology: 'Es tut mir leid, dass das so mühsam war. ',
  repeatedApology: 'Meine Antworten scheinen Ihnen nicht weiterzuhelfen. ',
  priority: { high: 'hohe', medium: 'mittlere', low: 'niedrige' },
  handoffNotice: (n) =>
    `Ich habe Ihr Anliegen an unser Support-Team weitergegeben, als ${n.followUp ? 'Folgeanfrage, Ticket' : 'Ticket'} #${n.number} (${de.priority[n.priority]} Priorität). ${n.promise} Sie können hier weiterschreiben; alles, was Sie ergänzen, kommt zum selben Ticket.`,
  promise: {
    solved: 'Diese Anfrage ist gelöst. Antworten Sie hier, wenn Sie weitere Hilfe brauchen, dann wird sie wieder geöffnet.',
    closed: 'Diese Anfrage ist geschlossen.',
    ourTeam: (centre) => `Unser ${centre}-Team`,
    yourTeam: (team) => `Ihr ${team}`,
    onIt: (team) => `${team} kümmert sich darum und hält Sie hier auf dem Laufenden.`,
    replyBy: (time) => ` und antwortet bis ${time}`,
    inNow: (team, by) => `${team} ist jetzt da${by}.`,
    closedNow: (team, by) => `${team} ist gerade nicht erreichbar${by}.`,
    opensAt: (team, time, by) => `${team} ist ab ${time} erreichbar${by}.`,
    yourTime: (time) => `${time} Ihrer Zeit`,
    utc: (time) => `${time} UTC`,
  },
};
