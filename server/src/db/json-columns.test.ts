import { describe, expect, it } from 'vitest';
import { readCard, readHandoff, readSources } from './json-columns';

describe('JSON columns on read', () => {
  it('returns what a well-formed column holds', () => {
    expect(readSources('[{"id":"a","title":"T","url":"/help/t"}]')).toEqual([{ id: 'a', title: 'T', url: '/help/t' }]);
    expect(readCard('{"type":"remote_session","tool":"zoom","toolName":"Zoom","url":"https://zoom.us/j/1","startsAt":null,"note":null}')).toMatchObject({ tool: 'zoom' });
  });

  it('never hands a malformed or mis-shaped value to the API', () => {
    expect(readSources('not json')).toEqual([]);
    expect(readSources('[{"id":1}]')).toEqual([]);
    expect(readCard('{"type":"remote_session","tool":"javascript","url":"javascript:alert(1)"}')).toBeNull();
    expect(readHandoff('{"reason":"button"}')).toBeNull();
    expect(readHandoff(null)).toBeNull();
  });
});
