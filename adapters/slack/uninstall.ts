// A workspace that removes the app (app_uninstalled) or whose bot token is revoked (tokens_revoked)
// is forgotten: its installation is deleted, so Bolt authorizes nothing from it (no answers) and
// DMs to its people wait in the delivery queue until it is installed again. Nothing else is lost:
// its escalations, and the school it was confirmed for, stay.

import type { App, InstallationStore } from '@slack/bolt';
import type { Logger } from '../../bot/ports/logger.js';

interface Envelope {
  team_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: boolean;
}

/** Registers the two events on the app (Bolt runs them without authorizing: the token is gone). */
export function registerUninstall(app: App, installations: InstallationStore, logger: Logger): void {
  async function forget(body: Envelope, why: string): Promise<void> {
    if (!body.team_id && !body.enterprise_id) return;
    const query = { teamId: body.team_id, enterpriseId: body.enterprise_id, isEnterpriseInstall: body.is_enterprise_install === true };
    try {
      await installations.deleteInstallation?.(query);
      logger.info('slack: installation removed', { team: body.team_id, enterprise: body.enterprise_id, why });
    } catch (error) {
      logger.error('slack: could not remove an installation', { team: body.team_id, why, error: (error as Error).message });
    }
  }

  app.event('app_uninstalled', async ({ body }) => forget(body as Envelope, 'app_uninstalled'));

  app.event('tokens_revoked', async ({ event, body }) => {
    // Only the bot token answers and sends DMs; a revoked user token changes nothing here.
    if ((event.tokens?.bot ?? []).length > 0) await forget(body as Envelope, 'tokens_revoked');
  });
}
