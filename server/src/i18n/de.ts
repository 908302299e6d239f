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
  mail: {
    hello: 'Hallo,',
    confirmSubject: 'Bitte bestätigen Sie Ihre E-Mail-Adresse',
    confirmBody: (site, number, link) =>
      `Jemand hat diese Adresse im Chat auf ${site}${number ? ` zur Anfrage #${number}` : ''} angegeben, um die Antworten des Support-Teams per E-Mail zu erhalten.\n\n` +
      `Um sie zu bestätigen, antworten Sie auf diese E-Mail oder öffnen Sie diesen Link:\n${link}\n\n` +
      'Bis Sie bestätigen, schicken wir nichts anderes an diese Adresse. Wenn Sie das nicht waren, ignorieren Sie diese E-Mail.\n',
    replyFooter: (number) => `Anfrage #${number}: Antworten Sie auf diese E-Mail; bitte lassen Sie [#${number}] im Betreff stehen.`,
    csatBody: (number, links) =>
      `Wir haben Anfrage #${number} gelöst. Wie war unsere Hilfe? Wählen Sie von 1 (schlecht) bis 5 (sehr gut):\n\n${links}\n\nJeder Link öffnet eine Seite, auf der Sie einen Kommentar hinzufügen und Ihre Antwort senden können.\n`,
    transcriptSubject: (number, site) => `[#${number}] Ihre Unterhaltung mit ${site}`,
    transcriptHeading: (site, number) => `${site}-Support: Anfrage #${number}`,
    subject: 'Betreff',
    status: 'Status',
    statuses: { new: 'Neu', open: 'Offen', pending: 'Wartet auf Ihre Antwort', on_hold: 'Zurückgestellt', solved: 'Gelöst', closed: 'Geschlossen' },
    attached: (name) => `(Anhang: ${name})`,
    cut: (max) => `(Nur die ersten ${max} Nachrichten werden gezeigt.)`,
    signInSubject: (site) => `Ihr Anmeldelink für ${site}`,
    signInBody: (site, link, minutes) =>
      `Öffnen Sie diesen Link, um Ihre Supportanfragen bei ${site} zu sehen und zu verwalten:\n\n${link}\n\nDer Link funktioniert einmal, innerhalb von ${minutes} Minuten. Wenn Sie ihn nicht angefordert haben, können Sie diese E-Mail ignorieren.\n`,
  },
};
