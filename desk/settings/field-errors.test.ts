import { describe, expect, it } from 'vitest';
import { issuesOfMessage, sortIssues } from './field-errors';

describe('refusals placed at their fields', () => {
  it('reads a server message under the form’s prefix and places list items', () => {
    const issues = issuesOfMessage('attachments.types.1: each type is a media type; attachments.maxBytes: at most 50 MB; name: too long', ['attachments']);
    expect(issues).toEqual([
      { path: ['types', 1], message: 'each type is a media type' },
      { path: ['maxBytes'], message: 'at most 50 MB' },
      { path: ['name'], message: 'too long' },
    ]);
    expect(sortIssues(issues, ['types', 'maxBytes'])).toEqual({ fields: { types: 'Item 2: each type is a media type', maxBytes: 'at most 50 MB' }, rest: 'name: too long' });
  });

  it('matches the longest dotted field and keeps a message without a path whole', () => {
    const sorted = sortIssues(
      [
        { path: ['match', 'domains', 0], message: 'each domain is a name' },
        { path: ['match'], message: 'say who the plan covers' },
        { path: [], message: 'A site with the key shop exists' },
      ],
      ['match', 'match.domains'],
    );
    expect(sorted).toEqual({ fields: { 'match.domains': 'Item 1: each domain is a name', match: 'say who the plan covers' }, rest: 'A site with the key shop exists' });
    // A message that names no field reads back as it came.
    expect(sortIssues(issuesOfMessage('Something went wrong; try again.', []), ['name']).rest).toBe('Something went wrong; try again.');
  });
});
