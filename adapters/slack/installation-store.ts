// Bolt's InstallationStore kept in the project's store (lowdb or PostgreSQL, as configured): one
// record per workspace (or Enterprise Grid org), the whole installation encrypted at rest with
// AES-256-GCM under a key from the environment, so a copy of the store holds no usable token.

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { ConfigError } from '../../bot/errors.js';
import type { Store } from '../../bot/ports/store.js';

type RecordStore = Pick<Store, 'getFlow' | 'saveFlow' | 'deleteFlow'>;

interface Sealed {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

/** A 32-byte key from the configured secret: 64 hex characters, 44 base64 characters, or any passphrase of 32+ characters. */
export function installationKey(secret: string): Buffer {
  if (/^[0-9a-f]{64}$/i.test(secret)) return Buffer.from(secret, 'hex');
  const b64 = Buffer.from(secret, 'base64');
  if (b64.length === 32 && /^[A-Za-z0-9+/]{43}=$/.test(secret)) return b64;
  if (secret.length < 32) throw new ConfigError('config_invalid', 'SLACK_INSTALLATION_KEY must be 32 bytes (64 hex or 44 base64 characters) or a passphrase of at least 32 characters.');
  return createHash('sha256').update(secret).digest();
}

/** The record key of an installation: the org for an org-wide install, else the workspace. */
function keyFor(query: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  const id = query.isEnterpriseInstall && query.enterpriseId ? `E:${query.enterpriseId}` : `T:${query.teamId ?? ''}`;
  return `slack-installation:${id}`;
}

function seal(key: Buffer, value: unknown, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // The record's key is bound in: a sealed record copied under another workspace's key does not open.
  cipher.setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function open(key: Buffer, sealed: Sealed, aad: string): unknown {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8'));
}

export interface InstallationStoreOptions {
  /** Refuses an install the deployment does not serve (throws; Bolt shows the failure page). */
  accept?: (installation: Installation) => void;
}

/** The InstallationStore over the project's store, sealing each installation with `key`. */
export function createInstallationStore(store: RecordStore, key: Buffer, options: InstallationStoreOptions = {}): InstallationStore {
  return {
    async storeInstallation(installation) {
      options.accept?.(installation as Installation);
      const k = keyFor({ isEnterpriseInstall: installation.isEnterpriseInstall, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
      await store.saveFlow(k, seal(key, installation, k));
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const k = keyFor(query);
      const sealed = (await store.getFlow(k))?.state as Sealed | undefined;
      if (!sealed || sealed.v !== 1) throw new Error(`no Slack installation for ${k.slice('slack-installation:'.length)}`);
      try {
        return open(key, sealed, k) as Installation;
      } catch {
        // A record sealed under another key (or damaged) is treated as not installed, never as a crash.
        throw new Error(`the Slack installation for ${k.slice('slack-installation:'.length)} cannot be opened with SLACK_INSTALLATION_KEY`);
      }
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await store.deleteFlow(keyFor(query));
    },
  };
}
