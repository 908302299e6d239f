import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS, parseSiteSettings } from './site-settings';

describe('site settings', () => {
  it('gives a row from an older version the defaults of what it lacks', () => {
    const settings = parseSiteSettings(JSON.stringify({ agentName: 'Ava', color: '#112233' }));
    expect(settings.agentName).toBe('Ava');
    expect(settings.color).toBe('#112233');
    expect(settings.csat).toEqual({ enabled: true });
    expect(settings.assignment).toEqual({ auto: false, maxOpenChats: 3 });
  });

  it('costs a mis-shaped value only its own key, never the whole look', () => {
    const settings = parseSiteSettings(JSON.stringify({ agentName: 'Ava', color: 'red; background: url(x)', position: 'top' }));
    expect(settings.agentName).toBe('Ava');
    expect(settings.color).toBe(DEFAULT_SITE_SETTINGS.color);
    expect(settings.position).toBe('right');
  });

  it('reads unparsable or non-object text as the defaults', () => {
    expect(parseSiteSettings('{not json')).toEqual(DEFAULT_SITE_SETTINGS);
    expect(parseSiteSettings('[1,2]')).toEqual(DEFAULT_SITE_SETTINGS);
    expect(parseSiteSettings(null)).toEqual(DEFAULT_SITE_SETTINGS);
  });
});
