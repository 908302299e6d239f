/**
 * The texts of the messenger's lazily loaded views, in English (the source): the remote-session card, help
 * articles, the cards after a handoff (email question, transcript, CSAT) and "Your requests" (the portal shows
 * the last two too). Each other language is `cards.<lang>.ts`, a chunk loaded with the first of these views, so
 * none of it weighs on the messenger's first load. Shapes as in `en.ts`.
 */
import { type CatalogueOf, textPart } from './catalogue';

export const cardsEn = {
  invitation: '{tool} invitation',
  startsAt: 'Starts {when}',
  startsNow: 'Starts now',
  join: 'Join',
  linkBlocked: 'The meeting link can’t be opened from here.',
  searchArticles: 'Search help articles',
  noArticles: 'No article matches.',
  suggested: 'Suggested for this page',
  backToArticles: 'Back to articles',
  didntHelp: 'This didn’t help',
  updated: 'Updated {when}',
  emailTitle: 'Get the reply by email',
  emailWhy: 'If you leave before a person answers, we email you their reply. We use this address only for this request.',
  emailLabel: 'Email (optional)',
  emailMe: 'Email me the reply',
  noThanks: 'No thanks',
  emailPending: 'Check your inbox: confirm {email} to get the reply by email.',
  emailFailed: 'Your email could not be saved. Please try again.',
  emailTranscript: 'Email me this conversation',
  transcriptSent: 'We have emailed this conversation to {email}.',
  transcriptFailed: 'The conversation could not be emailed. Please try again.',
  tooOften: 'You have done that a few times already. Please try again later.',
  csatTitle: 'How did we do?',
  csatPoor: '{n}, poor',
  csatGreat: '{n}, great',
  csatComment: 'Comment (optional)',
  csatSend: 'Send rating',
  csatThanks: 'Thank you for your rating ({rating} of {max}).',
  csatFailed: 'Your rating could not be sent. Please try again.',
  requestCount: { one: '{count} request', other: '{count} requests' },
  noRequests: 'You have no requests yet.',
  tryAgain: 'Try again',
  backToRequests: 'Back to your requests',
  messages: 'Messages',
  replyLabel: 'Reply to this request',
  sendReply: 'Send reply',
  reopen: 'Reopen request',
  deleteRequest: 'Delete request',
  deleteQuestion: 'Delete this request? It leaves your list, and its messages are erased for good.',
  confirmDelete: 'Confirm delete',
  cancel: 'Cancel',
  followUpStarted: 'That request was closed, so your reply started a new one: #{number}.',
  reopened: 'Request #{number} is open again.',
  deleted: 'Request #{number} was deleted.',
  created: 'Request #{number} was created.',
  signInAgain: 'Please sign in again.',
  failed: 'Something went wrong. Please try again.',
  offline: 'Could not reach the server. Check your connection and try again.',
  status_new: 'New',
  status_open: 'Open',
  status_pending: 'Pending',
  status_on_hold: 'On hold',
  status_solved: 'Solved',
  status_closed: 'Closed',
};

export type CardsCatalogue = CatalogueOf<typeof cardsEn>;
export type CardsKey = keyof typeof cardsEn;

export const cards = textPart<typeof cardsEn>(cardsEn, {
  de: () => import('./cards.de').then((m) => m.de),
  fr: () => import('./cards.fr').then((m) => m.fr),
  es: () => import('./cards.es').then((m) => m.es),
  pt: () => import('./cards.pt').then((m) => m.pt),
  ar: () => import('./cards.ar').then((m) => m.ar),
});
