import type { Texts } from './en';

export const es: Texts = {
  greeting: (agentName) => `¡Hola! Soy ${agentName}. ¿En qué puedo ayudarte hoy?`,
  welcome: '¡De nada! ¿Puedo ayudarte con algo más?',
  noAnswerOffer:
    'Lo siento, no encontré una respuesta a eso en nuestro centro de ayuda. ¿Quieres que te ponga en contacto con una persona o sigo intentándolo? También puedes reformular tu pregunta.',
  noAnswerAgain: 'Lo siento, tampoco encuentro eso en nuestro centro de ayuda. Prueba a reformularlo o elige «Hablar con una persona» y nuestro equipo se encargará.',
  offer: '¿Quieres que te ponga en contacto con una persona o sigo intentándolo?',
  frustratedApology: 'Siento que esto esté siendo frustrante. ',
  repeatedApology: 'Parece que mis respuestas no te están ayudando. ',
  priority: { high: 'alta', medium: 'media', low: 'baja' },
  handoffNotice: (n) =>
    `He pasado tu consulta a nuestro equipo de soporte como ${n.followUp ? 'seguimiento, ticket' : 'ticket'} n.º ${n.number} (prioridad ${es.priority[n.priority]}). ${n.promise} Puedes seguir escribiendo aquí; todo lo que añadas va al mismo ticket.`,
  promise: {
    solved: 'Esta solicitud está resuelta. Responde aquí si necesitas más ayuda y se volverá a abrir.',
    closed: 'Esta solicitud está cerrada.',
    ourTeam: (centre) => `Nuestro equipo de ${centre}`,
    yourTeam: (team) => `Tu ${team}`,
    onIt: (team) => `${team} se está ocupando y te mantendrá informado aquí.`,
    replyBy: (time) => ` y responderá antes de las ${time}`,
    inNow: (team, by) => `${team} está disponible ahora${by}.`,
    closedNow: (team, by) => `${team} está cerrado en este momento${by}.`,
    opensAt: (team, time, by) => `${team} abre a las ${time}${by}.`,
    yourTime: (time) => `${time}, tu hora`,
    utc: (time) => `${time} UTC`,
  },
  mail: {
    hello: 'Hola:',
    confirmSubject: 'Confirma tu dirección de correo',
    confirmBody: (site, number, link) =>
      `Alguien dio esta dirección en el chat de ${site}${number ? ` para la solicitud n.º ${number}` : ''} para recibir por correo las respuestas del equipo de soporte.\n\n` +
      `Para confirmarla, responde a este correo o abre este enlace:\n${link}\n\n` +
      'Hasta que la confirmes, no enviamos nada más a esta dirección. Si no fuiste tú, ignora este correo.\n',
    replyFooter: (number) => `Solicitud n.º ${number}: responde a este correo para contestar; mantén [#${number}] en el asunto.`,
    csatBody: (number, links) =>
      `Hemos resuelto la solicitud n.º ${number}. ¿Qué tal te hemos atendido? Elige de 1 (mal) a 5 (excelente):\n\n${links}\n\nCada enlace abre una página donde puedes añadir un comentario y enviar tu respuesta.\n`,
    transcriptSubject: (number, site) => `[#${number}] Tu conversación con ${site}`,
    transcriptHeading: (site, number) => `Soporte de ${site}: solicitud n.º ${number}`,
    subject: 'Asunto',
    status: 'Estado',
    statuses: { new: 'Nueva', open: 'Abierta', pending: 'Pendiente de tu respuesta', on_hold: 'En espera', solved: 'Resuelta', closed: 'Cerrada' },
    attached: (name) => `(adjunto: ${name})`,
    cut: (max) => `(Solo se muestran los primeros ${max} mensajes.)`,
    signInSubject: (site) => `Tu enlace de acceso a ${site}`,
    signInBody: (site, link, minutes) =>
      `Abre este enlace para ver y gestionar tus solicitudes de soporte con ${site}:\n\n${link}\n\nEl enlace funciona una sola vez, durante ${minutes} minutos. Si no lo pediste, puedes ignorar este correo.\n`,
  },
};
