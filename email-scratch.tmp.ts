import { simpleParser } from 'mailparser';
import EmailReplyParser from 'email-reply-parser';
import { convert } from 'html-to-text';
const raw = `From: =?ISO-8859-1?Q?Andr=E9_M=FCller?= <andre@example.de>
To: support@localhost
Subject: =?ISO-8859-1?Q?Pr=FCfung_f=E4llt?=
Message-ID: <abc@example.de>
In-Reply-To: <x@y>
References: <a@b> <x@y>
Auto-Submitted: auto-replied
List-Id: Foo <foo.lists.example.com>
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: quoted-printable

Gr=FC=DFe, das geht nicht.

On Tue, Jan 13, 2026 at 10:00 AM Support <support@localhost> wrote:
> Hello
> there

Best regards,
John
`;
const p = await simpleParser(Buffer.from(raw));
console.log(p.from, p.subject, p.text, p.inReplyTo, p.references, p.messageId);
console.log([...p.headers.entries()]);
console.log(p.headerLines);
const e = new EmailReplyParser().read(p.text!);
console.log(JSON.stringify(e.getVisibleText()), '|||', JSON.stringify(e.getQuotedText()));
for (const f of e.getFragments()) console.log({ c: f.getContent(), h: f.isHidden(), s: f.isSignature(), q: f.isQuoted() });
console.log(convert('<html><head><style>p{}</style></head><body><p>Hello <b>there</b></p><table><tr><td>a</td><td>b</td></tr></table><a href="http://x">link</a><img src="cid:1"><script>alert(1)</script></body></html>', { wordwrap: false }));
const g = await simpleParser(Buffer.from([0,1,2,255,254,10,13,10,0x80,0x81]));
console.log(g.from, g.text, g.headerLines);
