import { afterEach, describe, expect, it } from 'vitest';
import { HashRouteModel, parsePageHash, parseTicketHash, ticketHref } from './HashRouteModel';

describe('HashRouteModel', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('parses and builds ticket links', () => {
    expect(parseTicketHash('#/tickets/abc-123')).toBe('abc-123');
    expect(parseTicketHash(ticketHref('a b/c'))).toBe('a b/c');
    expect(parseTicketHash('#/tickets/')).toBeNull();
    expect(parseTicketHash('#/other/1')).toBeNull();
    expect(parseTicketHash('')).toBeNull();
    expect(parseTicketHash('#/tickets/%E0%A4%A')).toBeNull();
  });

  it('tells the knowledge-base page from the queue', () => {
    expect(parsePageHash('#/kb')).toBe('kb');
    expect(parsePageHash('#/kb/')).toBe('kb');
    expect(parsePageHash('#/kbx')).toBe('queue');
    expect(parsePageHash('#/')).toBe('queue');
    expect(parsePageHash('#/tickets/t1')).toBe('queue');
    expect(parsePageHash('')).toBe('queue');
    window.location.hash = '#/kb';
    const route = new HashRouteModel(window);
    expect(route.page.value).toBe('kb');
    expect(route.ticketId.value).toBeNull();
    route.open('t1');
    expect(route.page.value).toBe('queue');
    window.location.hash = '#/kb';
    window.dispatchEvent(new Event('hashchange'));
    expect(route.page.value).toBe('kb');
    expect(route.ticketId.value).toBeNull();
    route.dispose();
  });

  it('reads the hash at start and follows hashchange, open and close', () => {
    window.location.hash = '#/tickets/t1';
    const route = new HashRouteModel(window);
    expect(route.ticketId.value).toBe('t1');
    window.location.hash = '#/tickets/t2';
    window.dispatchEvent(new Event('hashchange'));
    expect(route.ticketId.value).toBe('t2');
    route.open('t3');
    expect(window.location.hash).toBe('#/tickets/t3');
    expect(route.ticketId.value).toBe('t3');
    route.close();
    expect(route.ticketId.value).toBeNull();
    expect(window.location.hash).toBe('');
    route.dispose();
  });
});
