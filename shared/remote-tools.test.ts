import { describe, expect, it } from 'vitest';
import type { RemoteTool } from './protocol';
import { meetingUrlProblem, normaliseMeetingUrl, remoteToolName } from './remote-tools';

describe('meeting links per tool', () => {
  it.each<[RemoteTool, string, boolean]>([
    ['zoom', 'https://zoom.us/j/123456789', true],
    ['zoom', 'https://us02web.zoom.us/j/123456789?pwd=abc', true],
    ['zoom', 'https://ZOOM.US/j/1', true],
    ['zoom', 'http://zoom.us/j/123456789', false],
    ['zoom', 'https://zoom.us.evil.example/j/1', false],
    ['zoom', 'https://evilzoom.us/j/1', false],
    ['zoom', 'https://zoom.us@evil.example/j/1', false],
    ['zoom', 'https://meet.google.com/abc-defg-hij', false],
    ['zoom', 'javascript:alert(1)', false],
    ['google_meet', 'https://meet.google.com/abc-defg-hij', true],
    ['google_meet', 'https://google.com/meet/abc', false],
    ['google_meet', 'https://meet.google.com.evil.example/abc', false],
    ['google_meet', 'https://x.meet.google.com/abc', false],
    ['skype', 'https://join.skype.com/AbCdEf', true],
    ['skype', 'https://web.skype.com/call', true],
    ['skype', 'https://skype.com.evil.example/', false],
    ['skype', 'https://zoom.us/j/1', false],
    ['webex', 'https://acme.webex.com/meet/ada', true],
    ['webex', 'https://acme.my.webex.com/meet/ada', true],
    ['webex', 'https://webex.com.evil.example/', false],
    ['webex', 'https://notwebex.com/meet', false],
    ['other', 'https://whereby.com/acme-support', true],
    ['other', 'https://teams.microsoft.com/l/meetup-join/x', true],
    ['other', 'http://whereby.com/acme-support', false],
    ['other', 'data:text/html,<script>alert(1)</script>', false],
    ['other', 'ftp://files.example.com/', false],
    ['other', 'not a url', false],
    ['other', `https://example.com/${'a'.repeat(2000)}`, false],
  ])('%s %s → %s', (tool, url, ok) => {
    const problem = meetingUrlProblem(tool, url);
    if (ok) expect(problem).toBeNull();
    else expect(problem).toEqual(expect.any(String));
  });

  it('names the hosts a tool needs', () => {
    expect(meetingUrlProblem('zoom', 'https://example.com/j/1')).toBe('a Zoom link must be on zoom.us or *.zoom.us');
    expect(meetingUrlProblem('webex', 'https://example.com/')).toBe('a Webex link must be on *.webex.com');
    expect(meetingUrlProblem('other', 'http://example.com/')).toBe('the link must start with https://');
  });

  it('normalises the stored link and names the tools', () => {
    expect(normaliseMeetingUrl('  https://ZOOM.us/j/1 ')).toBe('https://zoom.us/j/1');
    expect(remoteToolName('google_meet')).toBe('Google Meet');
    expect(remoteToolName('other')).toBe('Remote session');
  });
});
