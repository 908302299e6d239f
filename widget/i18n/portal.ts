/**
 * The portal page's own texts in English (the source): sign-in by emailed link, the page's frame and the
 * new-request form. The request views it shares with the messenger are in `cards.ts`. Each other language is
 * `portal.<lang>.ts`, loaded before the page first draws. Shapes as in `en.ts`.
 */
import { type CatalogueOf, textPart } from './catalogue';

export const portalEn = {
  pageTitle: 'Your support requests',
  title: 'Support requests',
  signedInAs: 'Signed in as {email}',
  signOut: 'Sign out',
  loading: 'Loading…',
  newRequest: 'New request',
  checkEmail: 'Check your email',
  linkSent: 'We sent a sign-in link to {email}. Open it on this device to see your requests. It works once, within 15 minutes.',
  noMail: 'No mail after a few minutes? Look in your spam folder, or ask for another link.',
  anotherEmail: 'Use another email or send again',
  signInTitle: 'Sign in to see your requests',
  signInWhy: 'Enter the email address you contacted us from. We will email you a link that signs you in.',
  email: 'Email',
  sendLink: 'Email me a sign-in link',
  enterEmail: 'Enter your email address.',
  tooManyLinks: 'Too many sign-in links were asked for. Please wait a few minutes and try again.',
  notAnEmail: 'That does not look like an email address.',
  linkFailed: 'The sign-in link could not be sent. Please try again.',
  subject: 'Subject',
  description: 'Description',
  urgency: 'How urgent is it for you?',
  chooseOne: 'Choose one',
  urgency_not_urgent: 'Not urgent',
  urgency_soon: 'Soon, in the next few days',
  urgency_urgent: 'Urgent, today',
  urgency_critical: 'Critical, work has stopped',
  addSubject: 'Add a subject.',
  describe: 'Describe what you need help with.',
  chooseUrgency: 'Choose how urgent it is for you.',
  submit: 'Submit request',
};

export type PortalCatalogue = CatalogueOf<typeof portalEn>;
export type PortalKey = keyof typeof portalEn;

export const portal = textPart<typeof portalEn>(portalEn, {
  de: () => import('./portal.de').then((m) => m.de),
  fr: () => import('./portal.fr').then((m) => m.fr),
  es: () => import('./portal.es').then((m) => m.es),
  pt: () => import('./portal.pt').then((m) => m.pt),
  ar: () => import('./portal.ar').then((m) => m.ar),
});
