import { markdownToText } from './server/src/kb/text';
console.log(markdownToText(`Intro:\n\n| Priority | First response | Resolution |\n|---|---|---|\n| High | 1 business hour | 8 business hours |\n| Low | 8 business hours | 40 business hours |\n\nAfter.`));
