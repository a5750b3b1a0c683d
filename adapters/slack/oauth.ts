// "Add to Slack": Bolt's installer on the shared express app (GET /slack/install, then Slack sends
// the installer back to /slack/oauth_redirect), installations kept sealed in our store. An install
// the deployment does not serve is refused and its new token revoked; every outcome is a short page.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { webApi, type ExpressReceiverOptions, type Installation, type InstallationStore } from '@slack/bolt';
import type { Logger } from '../../bot/ports/logger.js';
import type { Store } from '../../bot/ports/store.js';
import type { SlackConfig, SlackOAuthConfig } from '../config.js';
import { createInstallationStore, installationKey } from './installation-store.js';
import { createStateStore, OAuthStateError } from './oauth-state.js';
import { slackApiUrl, toSlackLogger } from './web-client.js';

export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_REDIRECT_PATH = '/slack/oauth_redirect';

/** The bot scopes an install asks for: the same list as manifest.yml (a test holds them equal). */
export const SLACK_BOT_SCOPES = ['app_mentions:read', 'assistant:write', 'chat:write', 'commands', 'im:history', 'im:write', 'users:read'];

/** Why an install is refused (undefined: served). Org-wide installs never are: a workspace is one school. */
export function refusalOf(installation: Pick<Installation, 'team' | 'enterprise' | 'isEnterpriseInstall'>, oauth: Pick<SlackOAuthConfig, 'installTeams'>, isMapped: (teamId: string) => boolean): string | undefined {
  if (installation.isEnterpriseInstall || !installation.team?.id) {
    return 'This assistant is installed one workspace at a time (each workspace is one school), not for a whole Enterprise Grid organisation. Please install it in each school\'s workspace.';
  }
  const allowed = oauth.installTeams;
  if (allowed.length === 0 || isMapped(installation.team.id)) return undefined;
  if (allowed.includes(installation.team.id) || (installation.enterprise?.id && allowed.includes(installation.enterprise.id))) return undefined;
  return 'This assistant does not serve this workspace. If it should, ask whoever runs the assistant to add the workspace to its configuration.';
}

export interface SlackOAuthDeps {
  /** Redeems each install link's state once, on any instance. */
  store: Pick<Store, 'claimEvent'>;
  logger: Logger;
  /** True when BOT_CONFIG maps the team to a school. */
  isMapped: (teamId: string) => boolean;
  /** Runs after an install is stored (the installer is greeted, or asked which school). */
  onInstalled: (installation: Installation) => Promise<void>;
}

/** The installation store for SLACK_INSTALLATION_KEY over our store: the adapter and the notifier share one. */
export function slackInstallations(oauth: SlackOAuthConfig, deps: { store: Pick<Store, 'getFlow' | 'saveFlow' | 'deleteFlow'>; isMapped: (teamId: string) => boolean }): InstallationStore {
  return createInstallationStore(deps.store, installationKey(oauth.installationKey), {
    // The store itself never keeps an installation the deployment does not serve.
    accept: (installation) => {
      const why = refusalOf(installation, oauth, deps.isMapped);
      if (why) throw new Error(why);
    },
  });
}

/** The ExpressReceiver options that mount Bolt's installer, with our state store and pages. */
export function oauthReceiverOptions(config: SlackConfig & { oauth: SlackOAuthConfig }, installationStore: InstallationStore, deps: SlackOAuthDeps): Partial<ExpressReceiverOptions> {
  const { oauth } = config;
  const apiUrl = slackApiUrl(config);
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    installationStore,
    scopes: SLACK_BOT_SCOPES,
    installerOptions: {
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_REDIRECT_PATH,
      stateStore: createStateStore(oauth.stateSecret, deps.store),
      renderHtmlForInstallPath: (url) =>
        html('Add the policy assistant to Slack', `<p>The school social media policy assistant answers staff's "can I…?" questions from their school's policy and takes reports of worrying posts to the head teacher.</p><p><a href="${escapeHtml(url)}">Add to Slack</a></p>`),
      // SLACK_API_URL reaches oauth.v2.access and auth.test too, so the whole install can be tested locally.
      clientOptions: { slackApiUrl: apiUrl },
      callbackOptions: {
        afterInstallation: async (installation, _options, _req, res) => {
          const why = refusalOf(installation, oauth, deps.isMapped);
          if (!why) return true;
          deps.logger.warn('slack: an install was refused', { team: installation.team?.id, enterprise: installation.enterprise?.id, reason: why });
          // NOTE: Slack issued the token already; revoke it so the refused workspace keeps nothing.
          const token = installation.bot?.token;
          if (token) {
            await new webApi.WebClient(token, { slackApiUrl: apiUrl, logger: toSlackLogger(deps.logger) }).auth.revoke().catch((error: unknown) =>
              deps.logger.warn('slack: could not revoke a refused install\'s token', { error: (error as Error).message }),
            );
          }
          page(res, 403, 'Not installed', why);
          return false;
        },
        successAsync: async (installation, _options, _req, res) => {
          const mapped = deps.isMapped(installation.team!.id);
          const name = installation.team?.name ?? 'your workspace';
          deps.logger.info('slack: installed', { team: installation.team?.id, mapped });
          page(res, 200, 'Installed', mapped
            ? `The policy assistant is installed in ${name}. Staff can now message it in Slack.`
            : `The policy assistant is installed in ${name}. Open Slack: it has sent you a message asking which school this workspace is for. It answers staff once that school's head teacher confirms.`);
          await deps.onInstalled(installation).catch((error: unknown) => deps.logger.error('slack: could not greet the installer', { team: installation.team?.id, error: (error as Error).message }));
        },
        failureAsync: async (error, _options, _req, res) => {
          deps.logger.warn('slack: an install did not complete', { code: error.code, error: error.message });
          page(res, 400, 'Not installed', failureText(error));
        },
      },
    },
  };
}

/** What the person installing is told; never an internal message. */
function failureText(error: Error & { code?: string }): string {
  if (error instanceof OAuthStateError) return `Not installed: ${error.message}.`;
  if (error.code === 'slack_oauth_invalid_state') return `Not installed: this install link was opened in another browser, or has expired. Open ${SLACK_INSTALL_PATH} again.`;
  if (/cancelled/i.test(error.message)) return 'Not installed: the install was cancelled.';
  if (error.code === 'slack_oauth_missing_code' || error.code === 'slack_oauth_missing_state') return `Not installed: this is not a complete install link. Open ${SLACK_INSTALL_PATH} again.`;
  return `Not installed: Slack did not complete the install. Please open ${SLACK_INSTALL_PATH} and try again.`;
}

function page(res: ServerResponse<IncomingMessage>, status: number, title: string, text: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html(title, `<p>${escapeHtml(text)}</p>`));
}

/** A bare page: no script, nothing loaded from elsewhere. */
function html(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
