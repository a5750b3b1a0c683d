// `npm run package:teams`: builds the zip a Teams admin uploads (manifest.json with the bot's app id
// filled in from MICROSOFT_APP_ID, and the two generated icons) and prints where it was written.
// Flags: --app-id ID, --developer NAME, --website URL, --privacy URL, --terms URL, --version X.Y.Z, --out FILE.
// It warns when the developer name or an address is still a placeholder (Teams shows them to staff).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { ConfigError } from '../../bot/errors.js';
import { createLibraryAnswerer } from '../../bot/policy-answerer.js';
import { suggestPrompts, type SuggestedPrompts } from '../../bot/prompts/suggested-prompts.js';
import { loadPolicyLibrary } from '../../knowledge/library.js';
import { loadConfig, policySettings, readDotEnv } from '../config.js';
import { promptStarters } from './welcome.js';
import { colorIcon, outlineIcon } from './icons.js';

const here = dirname(fileURLToPath(import.meta.url));
export const MANIFEST_TEMPLATE = resolve(here, 'manifest.json');
export const DEFAULT_PACKAGE_PATH = resolve(here, 'package', 'policy-assistant-teams.zip');

export interface PackageOptions {
  appId: string;
  /** The school's suggested questions: listed as the personal scope's prompt starters. */
  prompts?: SuggestedPrompts;
  developerName?: string;
  websiteUrl?: string;
  privacyUrl?: string;
  termsUrl?: string;
  /** The app's version (X.Y.Z); raise it for each new upload, or Teams keeps the old package. */
  version?: string;
}

const PLACEHOLDER_DEVELOPER = 'Your school or trust';
const PLACEHOLDER_WEBSITE = 'https://www.example.org';

/** What is still a placeholder in the package staff will see (developer, website, privacy, terms). */
export function packageWarnings(options: PackageOptions): string[] {
  const warnings: string[] = [];
  const isPlaceholder = (url: string | undefined) => !url || /(^|\.)example\.(org|com|net)(\/|$)|\bexample\.sch\.uk\b/i.test(new URL(url, PLACEHOLDER_WEBSITE).hostname + '/');
  if (!options.developerName?.trim() || options.developerName.trim() === PLACEHOLDER_DEVELOPER) {
    warnings.push(`the developer name is the placeholder "${PLACEHOLDER_DEVELOPER}": pass --developer "Your trust's name"`);
  }
  if (isPlaceholder(options.websiteUrl)) warnings.push('the website is a placeholder: pass --website https://your-school.example');
  if (!options.privacyUrl || isPlaceholder(options.privacyUrl)) warnings.push("there is no privacy notice address: pass --privacy with your school's privacy notice");
  if (!options.termsUrl || isPlaceholder(options.termsUrl)) warnings.push('there is no terms of use address: pass --terms with your terms of use (or acceptable use policy)');
  return warnings;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The manifest with the placeholders filled in; throws ConfigError for an unusable value. */
export function buildManifest(options: PackageOptions, template = readFileSync(MANIFEST_TEMPLATE, 'utf8')): Record<string, any> {
  if (!GUID.test(options.appId)) {
    throw new ConfigError('config_invalid', `The Teams app id must be the Azure Bot's Microsoft App ID (a GUID), not "${options.appId}". Set MICROSOFT_APP_ID or pass --app-id.`);
  }
  if (options.version !== undefined && !/^\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(options.version)) {
    throw new ConfigError('config_invalid', `--version must be three numbers such as 1.0.1, not "${options.version}".`);
  }
  const website = options.websiteUrl ?? PLACEHOLDER_WEBSITE;
  const values: Record<string, string> = {
    MICROSOFT_APP_ID: options.appId.toLowerCase(),
    DEVELOPER_NAME: options.developerName ?? PLACEHOLDER_DEVELOPER,
    WEBSITE_URL: website,
    PRIVACY_URL: options.privacyUrl ?? website,
    TERMS_URL: options.termsUrl ?? website,
  };
  for (const [name, value] of Object.entries(values)) {
    if (name.endsWith('_URL') && !/^https:\/\/\S+$/.test(value)) throw new ConfigError('config_invalid', `Teams needs an https:// address for ${name.toLowerCase()}, not "${value}".`);
  }
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => JSON.stringify(values[name] ?? whole).slice(1, -1));
  const manifest = JSON.parse(filled) as Record<string, any>;
  if (options.prompts) {
    const personal = manifest.bots[0].commandLists.find((l: { scopes: string[] }) => l.scopes.includes('personal'));
    personal.commands = promptStarters(options.prompts);
  }
  if (options.version) manifest.version = options.version;
  return manifest;
}

/** The package zip: manifest.json, color.png and outline.png at the root, as Teams expects. */
export async function buildPackage(options: PackageOptions): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(buildManifest(options), null, 2));
  zip.file('color.png', colorIcon(192));
  zip.file('outline.png', outlineIcon(32));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The suggested questions of the school this deployment serves (SCHOOL, else the only policy). */
async function schoolPrompts(): Promise<SuggestedPrompts> {
  const settings = policySettings();
  const library = await loadPolicyLibrary(settings.policiesDir);
  const known = library.schools();
  const school = known.find((s) => s.id === settings.school) ?? (known.length === 1 ? known[0] : undefined);
  if (!school) {
    throw new ConfigError('config_invalid', `Set SCHOOL to the school whose questions the app suggests: one of ${known.map((s) => s.id).join(', ') || 'none'}.`);
  }
  return suggestPrompts(createLibraryAnswerer(library), school.id, school.name);
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i !== -1 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  readDotEnv();
  const appId = flag(args, 'app-id') ?? loadConfig().teams?.appId ?? '';
  if (!appId) throw new ConfigError('config_invalid', 'Set MICROSOFT_APP_ID (the Azure Bot\'s Microsoft App ID) or pass --app-id, then run npm run package:teams again.');
  const out = resolve(flag(args, 'out') ?? DEFAULT_PACKAGE_PATH);
  const options: PackageOptions = {
    appId,
    prompts: await schoolPrompts(),
    developerName: flag(args, 'developer'),
    websiteUrl: flag(args, 'website'),
    privacyUrl: flag(args, 'privacy'),
    termsUrl: flag(args, 'terms'),
    version: flag(args, 'version'),
  };
  const zip = await buildPackage(options);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(`Teams app package written to ${relative(process.cwd(), out) || out} (${zip.length} bytes).`);
  for (const warning of packageWarnings(options)) console.error(`Warning: ${warning}.`);
  console.log(`App version ${buildManifest(options).version}: raise it with --version for each new upload.`);
  console.log('Upload it in Teams: Apps → Manage your apps → Upload an app (or the Teams admin centre → Teams apps → Manage apps → Upload).');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Could not build the Teams package: ${(error as Error).message}`);
    process.exit(1);
  });
}
