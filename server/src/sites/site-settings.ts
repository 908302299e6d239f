/** The site settings schema lives in shared/ (the desk's settings forms check their sections with it). */
export * from '../../../shared/site-settings';
