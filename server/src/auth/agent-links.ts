/**
 * One-time links mailed to an agent: an invitation (a new agent chooses their first password) or a reset (an
 * admin sent a new-password link). The token is in the link only; its sha256 is stored, it works once, and it
 * expires. Mail goes through the outbox, in the transaction that creates the link.
 */
import { randomBytes } from 'node:crypto';
import { enqueueMail } from '../channels/email/outbox';
import type { DbOrTx, Tx } from '../db/database';
import type { AgentRow } from '../db/schema';
import { AppError } from '../errors';
import { setAgentPassword, sha256 } from './agent.repository';

export type AgentLinkPurpose = 'invite' | 'reset';

/** Hours a link works: an invitation waits for the person to read it; a reset is shorter. */
export const LINK_HOURS: Record<AgentLinkPurpose, number> = { invite: 72, reset: 2 };

/** The desk page that reads the token from the link and asks for the password. */
export function agentLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/desk#/set-password?token=${encodeURIComponent(token)}`;
}

/** A new link for the agent; earlier unused links of the agent stop working (only the latest mail counts). */
export async function createAgentLink(db: DbOrTx, agentId: string, purpose: AgentLinkPurpose, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.deleteFrom('agent_links').where('agent_id', '=', agentId).where('used_at', 'is', null).execute();
  await db
    .insertInto('agent_links')
    .values({
      id: sha256(token),
      agent_id: agentId,
      purpose,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + LINK_HOURS[purpose] * 3_600_000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** Queues the mail that carries the link. */
export async function mailAgentLink(
  tx: Tx,
  mail: { supportEmail: string; publicUrl: string },
  agent: Pick<AgentRow, 'email' | 'name'>,
  purpose: AgentLinkPurpose,
  token: string,
  now: Date,
): Promise<void> {
  const link = agentLinkUrl(mail.publicUrl, token);
  const invite = purpose === 'invite';
  await enqueueMail(
    tx,
    mail.supportEmail,
    {
      kind: invite ? 'agent_invite' : 'password_reset',
      to: agent.email,
      subject: invite ? 'You are invited to the Frontdesk desk' : 'Set a new password for the Frontdesk desk',
      text: [
        `Hello ${agent.name},`,
        '',
        invite ? 'You have been invited to answer customers in the Frontdesk desk. Choose your password here:' : 'An admin sent you a link to set a new desk password:',
        '',
        link,
        '',
        `The link works once, within ${LINK_HOURS[purpose]} hours.${invite ? '' : ' If you did not expect it, tell your admin.'}`,
        '',
      ].join('\n'),
    },
    now,
  );
}

/**
 * Sets the password a link allows and uses the link up; every session of the agent ends (a reset means the old
 * password may be known). Returns the agent; a used, expired or unknown token is a 400 that says so.
 */
export async function acceptAgentLink(tx: Tx, token: string, password: string, now: Date): Promise<{ agentId: string; purpose: AgentLinkPurpose }> {
  const link = await tx.selectFrom('agent_links').selectAll().where('id', '=', sha256(token)).executeTakeFirst();
  if (!link || link.used_at !== null || link.expires_at <= now.toISOString()) {
    throw new AppError('validation_failed', 'token: this link is used up or expired; ask an admin for a new one');
  }
  const agent = await tx.selectFrom('agents').select(['id', 'active']).where('id', '=', link.agent_id).executeTakeFirst();
  if (!agent?.active) throw new AppError('validation_failed', 'token: this account is deactivated');
  await tx.updateTable('agent_links').set({ used_at: now.toISOString() }).where('id', '=', link.id).execute();
  await setAgentPassword(tx, link.agent_id, password, { keepSession: '' });
  return { agentId: link.agent_id, purpose: link.purpose };
}
