import type { Texts } from './en';

export const pt: Texts = {
  greeting: (agentName) => `Olá! Eu sou ${agentName}. Em que posso ajudar hoje?`,
  welcome: 'De nada! Posso ajudar com mais alguma coisa?',
  noAnswerOffer:
    'Desculpe, não encontrei uma resposta para isso na nossa central de ajuda. Quer que eu o coloque em contato com uma pessoa ou continuo tentando? Você também pode reformular a pergunta.',
  noAnswerAgain: 'Desculpe, também não encontrei isso na nossa central de ajuda. Tente reformular ou escolha “Falar com uma pessoa” e a nossa equipe assume.',
  offer: 'Quer que eu o coloque em contato com uma pessoa ou continuo tentando?',
  frustratedApology: 'Sinto muito que isso esteja sendo frustrante. ',
  repeatedApology: 'Parece que as minhas respostas não estão ajudando. ',
  priority: { high: 'alta', medium: 'média', low: 'baixa' },
  handoffNotice: (n) =>
    `Encaminhei o seu pedido à nossa equipe de suporte como ${n.followUp ? 'continuação, ticket' : 'ticket'} nº ${n.number} (prioridade ${pt.priority[n.priority]}). ${n.promise} Pode continuar escrevendo aqui; tudo o que acrescentar vai para o mesmo ticket.`,
  promise: {
    solved: 'Este pedido está resolvido. Responda aqui se precisar de mais ajuda e ele será reaberto.',
    closed: 'Este pedido está encerrado.',
    ourTeam: (centre) => `A nossa equipe de ${centre}`,
    yourTeam: (team) => `A sua ${team}`,
    onIt: (team) => `${team} está cuidando disso e vai mantê-lo informado aqui.`,
    replyBy: (time) => ` e responderá até ${time}`,
    inNow: (team, by) => `${team} está disponível agora${by}.`,
    closedNow: (team, by) => `${team} está fechada neste momento${by}.`,
    opensAt: (team, time, by) => `${team} abre às ${time}${by}.`,
    yourTime: (time) => `${time}, no seu horário`,
    utc: (time) => `${time} UTC`,
  },
  mail: {
    hello: 'Olá,',
    confirmSubject: 'Confirme o seu endereço de e-mail',
    confirmBody: (site, number, link) =>
      `Alguém indicou este endereço no chat de ${site}${number ? ` para o pedido n.º ${number}` : ''}, para receber por e-mail as respostas da equipa de suporte.\n\n` +
      `Para o confirmar, responda a este e-mail ou abra esta ligação:\n${link}\n\n` +
      'Até confirmar, não enviamos mais nada para este endereço. Se não foi o próprio, ignore este e-mail.\n',
    replyFooter: (number) => `Pedido n.º ${number}: responda a este e-mail para nos escrever; mantenha [#${number}] no assunto.`,
    csatBody: (number, links) =>
      `Resolvemos o pedido n.º ${number}. Como avalia a nossa ajuda? Escolha de 1 (má) a 5 (excelente):\n\n${links}\n\nCada ligação abre uma página onde pode acrescentar um comentário e enviar a sua resposta.\n`,
    transcriptSubject: (number, site) => `[#${number}] A sua conversa com ${site}`,
    transcriptHeading: (site, number) => `Suporte ${site}: pedido n.º ${number}`,
    subject: 'Assunto',
    status: 'Estado',
    statuses: { new: 'Novo', open: 'Aberto', pending: 'À espera da sua resposta', on_hold: 'Em espera', solved: 'Resolvido', closed: 'Fechado' },
    attached: (name) => `(anexo: ${name})`,
    cut: (max) => `(Só são mostradas as primeiras ${max} mensagens.)`,
    signInSubject: (site) => `A sua ligação de início de sessão para ${site}`,
    signInBody: (site, link, minutes) =>
      `Abra esta ligação para ver e gerir os seus pedidos de suporte com ${site}:\n\n${link}\n\nA ligação funciona uma vez, durante ${minutes} minutos. Se não a pediu, pode ignorar este e-mail.\n`,
  },
};
