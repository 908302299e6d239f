import { describe, expect, it } from 'vitest';
import { fillMacro } from './macro-text';

const values = { customerName: 'Ada Lovelace', agentName: 'Sam', ticketNumber: 1042, promise: 'Our UK team replies by 14:30 your time.' };

describe('fillMacro', () => {
  it('fills every placeholder as plain text', () => {
    expect(fillMacro('Hi {{customer.first_name}} ({{ customer.name }}), {{agent.name}} here about {{ticket.number}}. {{promise}}', values)).toBe(
      'Hi Ada (Ada Lovelace), Sam here about #1042. Our UK team replies by 14:30 your time.',
    );
  });

  it('greets a customer without a name generically and leaves unknown placeholders visible', () => {
    expect(fillMacro('Hi {{customer.first_name}}, {{customer.email}}', { ...values, customerName: null })).toBe('Hi there, {{customer.email}}');
  });

  it('never interprets markup in the values', () => {
    expect(fillMacro('{{customer.name}}', { ...values, customerName: '<b>x</b> {{agent.name}}' })).toBe('<b>x</b> {{agent.name}}');
  });
});
