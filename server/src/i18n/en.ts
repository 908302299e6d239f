/**
 * Kai's and the help desk's server-side texts in English: the source every other language translates. Each
 * translation is typed `Texts`, so a missing or misnamed key fails the typecheck.
 */
import type { Level } from '../../../shared/priority';
import type { TicketStatus } from '../../../shared/protocol';

export interface HandoffNotice {
  number: number;
  priority: Level;
  /** The promise (who answers and by when), already in the visitor's language. */
  promise: string;
  /** A follow-up to an earlier ticket rather than a new one. */
  followUp: boolean;
}

export const en = {
  greeting: (agentName: string) => `Hi! I'm ${agentName}. What can I help you with today?`,
  welcome: "You're welcome! Is there anything else I can help with?",
  noAnswerOffer:
    "I'm sorry, I couldn't find an answer to that in our help centre. Would you like me to connect you with a person, or shall I keep trying? You can also rephrase your question.",
  noAnswerAgain: "I'm sorry, I couldn't find that in our help centre either. Try rephrasing it, or choose “Talk to a person” and our team will pick it up.",
  offer: 'Would you like me to connect you with a person, or shall I keep trying?',
  frustratedApology: "I'm sorry this has been frustrating. ",
  repeatedApology: "It looks like my answers aren't getting you there. ",
  priority: { high: 'high', medium: 'medium', low: 'low' } as Record<Level, string>,
  handoffNotice: (n: HandoffNotice) =>
    `I've passed this to our support team as ${n.followUp ? 'a follow-up, ticket' : 'ticket'} #${n.number} (${en.priority[n.priority]} priority). ${n.promise} You can keep writing here; everything you add goes to the same ticket.`,
  promise: {
    solved: 'This request is solved. Reply here if you need more help and it reopens.',
    closed: 'This request is closed.',
    ourTeam: (centre: string) => `Our ${centre} team`,
    yourTeam: (team: string) => `Your ${team}`,
    onIt: (team: string) => `${team} is on it and will keep you posted here.`,
    replyBy: (time: string) => ` and will reply by ${time}`,
    inNow: (team: string, by: string) => `${team} is in now${by}.`,
    closedNow: (team: string, by: string) => `${team} is closed right now${by}.`,
    opensAt: (team: string, time: string, by: string) => `${team} opens at ${time}${by}.`,
    yourTime: (time: string) => `${time} your time`,
    utc: (time: string) => `${time} UTC`,
  },
  mail: {
    hello: 'Hello,',
    confirmSubject: 'Please confirm your email address',
    confirmBody: (site: string, number: number | null, link: string) =>
      `Someone gave this address in the chat on ${site}${number ? ` for request #${number}` : ''}, to get the support team's replies by email.\n\n` +
      `To confirm it, reply to this email or open this link:\n${link}\n\n` +
      'Until you confirm, we send nothing else to this address. If it was not you, ignore this email.\n',
    replyFooter: (number: number) => `Request #${number}: reply to this email to answer; please keep [#${number}] in the subject.`,
    csatBody: (number: number, links: string) =>
      `We have solved request #${number}. How did we do? Choose from 1 (poor) to 5 (great):\n\n${links}\n\nEach link opens a page where you can add a comment and send your answer.\n`,
    transcriptSubject: (number: number, site: string) => `[#${number}] Your conversation with ${site}`,
    transcriptHeading: (site: string, number: number) => `${site} support: request #${number}`,
    subject: 'Subject',
    status: 'Status',
    statuses: { new: 'New', open: 'Open', pending: 'Pending', on_hold: 'On hold', solved: 'Solved', closed: 'Closed' } as Record<TicketStatus, string>,
    attached: (name: string) => `(attached: ${name})`,
    cut: (max: number) => `(Only the first ${max} messages are shown.)`,
    helloName: (name: string) => `Hello ${name},`,
    received: (number: number) => `Thank you for your email. We have received it as request #${number}.`,
    followUp: (earlier: number, number: number) => `Your earlier request #${earlier} is closed, so we have opened a new request, #${number}, to follow it up.`,
    addMore: (number: number) => `To add anything, reply to this email and keep [#${number}] in the subject.`,
    added: (number: number) => `We have added your email to request #${number}.`,
    notKept: (count: number, lines: string) =>
      `We could not keep ${count === 1 ? 'one file' : `${count} files`} from your email:\n${lines}\nPlease send ${count === 1 ? 'it' : 'them'} as a link (for example from a file-sharing service), or in smaller parts.`,
    tooBig: (size: string, max: string) => `${size}, over the ${max} limit per file`,
    tooMany: (max: number) => `over the limit of ${max} files per email`,
    overLimits: 'over our limits for attachments',
    signature: (site: string) => `${site} support`,
    /** The subject of automatic mail to an address that may not be the sender's: our words only. */
    neutralSubject: (number: number) => `[#${number}] Your support request`,
    signInSubject: (site: string) => `Your sign-in link for ${site}`,
    signInBody: (site: string, link: string, minutes: number) =>
      `Open this link to see and manage your support requests with ${site}:\n\n${link}\n\nThe link works once, within ${minutes} minutes. If you did not ask for it, you can ignore this email.\n`,
  },
  /** The pages our mail links to (sign-in, address confirmation, CSAT): plain text, escaped where it is used. */
  pages: {
    invalidTitle: 'Link not valid',
    invalidHeading: 'This link cannot be used',
    closePage: 'You can close this page.',
    signIn: {
      title: 'Sign in · Your requests',
      heading: 'Sign in to see your requests',
      button: 'Sign in',
      note: (minutes: number) => `This link works once, for ${minutes} minutes after we sent it.`,
    },
    signInProblem: {
      title: 'Sign-in link not valid · Your requests',
      heading: 'This sign-in link cannot be used',
      expired: (minutes: number) => `This sign-in link has expired. Links work for ${minutes} minutes.`,
      used: 'This sign-in link has already been used. Each link works once.',
      unknown: 'This sign-in link is not valid.',
      again: 'Email me a new sign-in link',
    },
    confirm: {
      title: 'Confirm your email address',
      intro: "Confirm it to get the support team's replies by email.",
      button: 'Confirm my email address',
      again: 'Give your email in the chat again to get a new one.',
      doneTitle: 'Email confirmed',
      doneHeading: 'Thank you: your email is confirmed',
      doneBody: "You will get the support team's replies by email.",
    },
    csat: {
      title: 'How did we do?',
      about: (number: number, subject: string) => `Request #${number}: ${subject}`,
      legend: 'Your rating',
      poor: '(poor)',
      great: '(great)',
      comment: 'Comment (optional)',
      send: 'Send rating',
      chooseTitle: 'Choose a rating',
      chooseHeading: 'Choose a rating from 1 to 5',
      chooseBody: 'Go back and choose one.',
      alreadyTitle: 'Already rated',
      alreadyHeading: 'This request has already been rated',
      alreadyBody: 'Thank you.',
      notRatedTitle: 'Not rated',
      notRatedHeading: 'This request cannot be rated',
      notRateable: 'Only a solved request can be rated.',
      thanksTitle: 'Thank you',
      thanksHeading: 'Thank you for your rating',
    },
  },
};

export type Texts = typeof en;
