// The one CloudAdapter (teams-ai's TeamsAdapter) both the activity handler and the notifier use,
// built from TeamsConfig: with an app id, every request's JWT is checked (else 401); without one,
// requests are accepted unauthenticated, for local testing only, and start-up says so loudly.

import { TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../bot/ports/logger.js';
import type { TeamsConfig } from '../config.js';

/** The SDK adapter and the app id it sends as; shared by the handler and the notifier. */
export interface TeamsConnection {
  readonly adapter: TeamsAdapter;
  /** Empty when running unauthenticated (local testing). */
  readonly appId: string;
  /** The tenant a single-tenant app lives in (MICROSOFT_APP_TENANT_ID). */
  readonly tenantId?: string;
  readonly authenticated: boolean;
}

/** Builds the connection; call once per process. */
export function createTeamsConnection(config: TeamsConfig, logger: Logger): TeamsConnection {
  const authenticated = config.appId !== '';
  const adapter = new TeamsAdapter({
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId ?? '',
  });
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Raw SDK errors stop here: the log has the detail, the user one apology line.
    logger.error('teams turn failed', { error: error.message, activityType: context.activity?.type });
    if (context.activity?.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on my side. Please try again in a minute.').catch(() => undefined);
    }
  };
  if (authenticated) {
    logger.info('teams: Bot Framework authentication on', { appId: config.appId, appType: config.appType });
  } else {
    logger.warn(
      '!!! TEAMS IS RUNNING WITHOUT AUTHENTICATION: MICROSOFT_APP_ID is not set, so POST /api/messages accepts unsigned requests. For local testing only: never expose this to the internet. !!!',
    );
  }
  return { adapter, appId: config.appId, ...(config.tenantId ? { tenantId: config.tenantId } : {}), authenticated };
}
