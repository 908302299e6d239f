/** What a macro's placeholders stand for on one ticket. */
export interface MacroValues {
  customerName: string | null;
  agentName: string;
  ticketNumber: number;
  /** The promise the customer sees (which team answers, by when). */
  promise: string;
}

/**
 * A macro's body with `{{customer.first_name}}`, `{{customer.name}}`, `{{agent.name}}`, `{{ticket.number}}` and
 * `{{promise}}` filled in as plain text. An unknown placeholder is left as written, so a typo shows in the draft.
 */
export function fillMacro(body: string, values: MacroValues): string {
  const name = values.customerName?.trim() || null;
  const fills: Record<string, string> = {
    'customer.first_name': name ? name.split(/\s+/)[0]! : 'there',
    'customer.name': name ?? 'there',
    'agent.name': values.agentName,
    'ticket.number': `#${values.ticketNumber}`,
    promise: values.promise,
  };
  return body.replace(/\{\{\s*([a-z_.]{1,40})\s*\}\}/g, (whole, key: string) => fills[key] ?? whole);
}
