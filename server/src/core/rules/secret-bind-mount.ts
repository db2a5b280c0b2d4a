import type { ComposeFileModel } from '../compose/parse';
import { keyText } from '../compose/yaml';
import { appendRawSequenceItem, declareTopLevelEntry, findServiceSequenceItem, removeSequenceItem, sequenceItemCommentLines } from '../edits/compose-edits';
import type { Mount } from '../model';
import { basename } from '../paths';
import type { ComposeConfiguration, ComposeWorkload } from '../project';
import type { Fix, TextEdit } from '../types';
import { modelOf } from '../production';
import type { Rule } from './types';
import { isKernelView } from './undocumented-mount';
import { servicesMounting } from '../text';
import { isMap, isScalar } from 'yaml';
import { MountEntryReports, parseShortVolume } from '../compose/mounts';

/** Example and template files carry no secret. */
const SECRET_FOLDER = /^(?:secrets|tokens|passwords|keys|certs|ssl|\.ssh)$/i;
const TEMPLATE = /(?:^|[._-])(?:example|sample|dist|template|tpl|defaults?)(?:$|[._-])|\.pub$/i;

/**
 * A `.pem` named as a certificate (`fullchain.pem`, `ca.pem`, `server-cert.pem`) holds public
 * data: what a TLS client or server shows anyone, as are Diffie-Hellman parameters
 * (`dhparams4096.pem`). One whose name says key or private is a key.
 */
const PUBLIC_PEM = /(?:^|[._-])(?:cert|certificate|chain|fullchain|ca|cacert|bundle|crt|pub|public)(?:$|[._-])|^(?:ssl[._-]?)?dh(?:params?)?(?:[._-]?\d+)?$|dhparams?/i;

/** What kind of secret a bind mount's source is, or undefined. */
export function secretKind(mount: Mount): string | undefined {
  if (mount.type !== 'bind' || !mount.source || mount.unknown) return undefined;
  const source = mount.source.replace(/\\/g, '/').replace(/\/+$/, '');
  // Host system files hold no secret of the project: /dev/null (a placeholder), /etc/passwd and
  // /etc/group (world-readable user tables; the hashes are in /etc/shadow, which stays reported).
  if (isKernelView(source) || source === '/etc/passwd' || source === '/etc/group') return undefined;
  const name = basename(source);
  const kind = nameKind(name, mount.target);
  // A name without an extension says little (`.ZBX_DB_KEY_FILE`): where it lands may say more.
  if (kind !== undefined || !/^\.?[^.]+$/.test(name) || TEMPLATE.test(name) || SECRET_FOLDER.test(name)) return kind;
  const target = basename(mount.target);
  // A name with an extension, or an SSH key's (`./deploy-key:/root/.ssh/id_rsa`), says what lands there.
  if (/\.[A-Za-z0-9]+$/.test(target) || /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/i.test(target)) {
    const byTarget = nameKind(target, mount.target);
    if (byTarget !== undefined) return byTarget;
    // A certificate keeps its public name wherever it lands (`/run/secrets/root-ca.pem`).
    if (isPublicName(target)) return undefined;
  }
  return mount.target.startsWith('/run/secrets/') ? 'a secret file' : undefined;
}

/** A certificate or public key by its name: `ca.pem`, `server-cert.pem`, `tls.crt`, `id_rsa.pub`. */
function isPublicName(name: string): boolean {
  return /\.(?:crt|cer|pub)$/i.test(name) || isPublicPem(name);
}

/** A `.pem` named as a certificate (`fullchain.pem`, `ca.pem`), not as a key. */
function isPublicPem(name: string): boolean {
  return /\.pem$/i.test(name) && PUBLIC_PEM.test(name.slice(0, -4)) && !/key|priv/i.test(name);
}

/** What a file name says it holds, or undefined when it is not a secret (or says nothing). */
function nameKind(name: string, target: string): string | undefined {
  if (name === '' || name === '.' || name === '..' || TEMPLATE.test(name)) return undefined;
  // Folders of secrets (`./secrets:/run/secrets`) cannot become one compose secret.
  if (SECRET_FOLDER.test(name)) return undefined;
  if (/^\.env(?:\..+)?$|\.env$/i.test(name)) return 'an environment file';
  if (isPublicPem(name)) return undefined;
  if (/\.(?:key|pem|p12|pfx|jks|keystore)$/i.test(name)) return 'a private key or certificate bundle';
  if (/^id_[a-z0-9]+$/i.test(name)) return 'an SSH private key';
  // Code, documentation and scripts about passwords or tokens are not secrets.
  if (/\.(?:js|mjs|cjs|ts|tsx|jsx|py|rb|php|go|java|kt|rs|cs|sh|bash|ps1|sql|md|html?|css|lua|pl)$/i.test(name)) return undefined;
  const word = /passw(?:or)?d|secret|token/i.exec(name)?.[0]?.toLowerCase();
  if (!word) return undefined;
  // Lists of words (oCIS's banned-password-list.txt, a password dictionary) and policies are public data.
  if (/(?:^|[._-])(?:list|lists|banned|blacklist|blocklist|denylist|dictionary|wordlist|policy|policies|rules)(?:$|[._-])/i.test(name)) return undefined;
  // Without an extension it may be a folder (`./secret-service:/app`): only when the file keeps its name.
  if (!/\.[A-Za-z0-9]+$/.test(name) && !basename(target).toLowerCase().includes(word)) return undefined;
  return word.startsWith('pass') ? 'a password file' : word === 'secret' ? 'a secret file' : 'a token file';
}

export const secretBindMount: Rule = {
  meta: {
    id: 'secret-bind-mount',
    description: 'A secret (.env, private key, password or token file) is bind-mounted instead of declared as a Compose secret.',
    defaultSeverity: 'info',
    fixable: true,
    messages: {
      secret:
        '{{Services}} {{mounts}} {{source}} ({{why}}) at {{target}}{{writable}}. Declare it as a Compose secret instead: secrets are mounted read-only, are listed as secrets (not as ordinary mounts) by `docker compose config` and `docker inspect`, and move to Swarm or Kubernetes encrypted. The fix keeps the file at {{target}} (`target:`), so the application still finds it; without `target:` it would appear at /run/secrets/{{name}}.',
      secretAtDefault:
        '{{Services}} {{mounts}} {{source}} ({{why}}) at {{target}}{{writable}}. Declare it as a Compose secret "{{name}}" instead: Compose mounts it read-only at the same path, /run/secrets/{{name}}, it is listed as a secret (not as an ordinary mount) by `docker compose config` and `docker inspect`, and it moves to Swarm or Kubernetes encrypted.',
    },
  },
  checkCompose(context) {
    const { configuration } = context;
    const entries = new MountEntryReports(configuration);
    for (const workload of configuration.workloads) {
      for (const mount of workload.mounts) {
        if (mount.inherited || entries.done(mount)) continue;
        const why = secretKind(mount);
        if (!why) continue;
        const { services, shared } = entries.take(mount, workload.name);
        const name = secretName(configuration, mount);
        context.report({
          messageId: mount.target === `/run/secrets/${name}` ? 'secretAtDefault' : 'secret',
          data: { ...servicesMounting(services), service: workload.name, source: mount.source ?? '', target: mount.target, why, name, writable: mount.readOnly ? '' : ' read-write' },
          location: mount.location,
          service: workload.name,
          services: shared,
          containerPath: mount.target,
          fixes: () => secretFix(configuration, workload, mount, name),
        });
      }
    }
  },
};

/** A secret name from the file name that no top-level secret of the configuration uses yet. */
function secretName(configuration: ComposeConfiguration, mount: Mount): string {
  const file = basename((mount.source ?? 'secret').replace(/\\/g, '/'));
  const base = file.replace(/^\.+/, '').replace(/\.txt$/i, '').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'secret';
  const taken = new Set<string>();
  for (const model of configuration.files) for (const name of topLevelNames(model, 'secrets')) taken.add(name);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

function topLevelNames(model: ComposeFileModel, section: string): string[] {
  const pair = model.root?.items.find((p) => keyText(p) === section);
  return isMap(pair?.value) ? pair.value.items.map((p) => keyText(p) ?? '') : [];
}

function yamlString(text: string): string {
  return /^[A-Za-z0-9_./~-][A-Za-z0-9_./~@+-]*$/.test(text) ? text : JSON.stringify(text);
}

function secretFix(configuration: ComposeConfiguration, workload: ComposeWorkload, mount: Mount, name: string): Fix[] {
  const model = modelOf(configuration, mount.location.file);
  const layer = workload.layers.find((l) => l.file.file === mount.location.file);
  // An extended or included file is shared, and Compose does not import an extended file's
  // top-level `secrets:`: the conversion is left to the user there.
  if (!model || !layer || !mount.source || model.root?.flow || !configuration.files.includes(model)) return [];
  const start = model.lines.offsetAt(mount.location.range.start);
  // The service's own list, or an anchor's list it merges (`<<: *app`): then every service merging it gets the secret.
  const found = findServiceSequenceItem(layer, 'volumes', start, workload.name);
  if (!found) return [];
  const removal = removeSequenceItem(model, found.pair, found.seq, found.index);
  const atDefault = mount.target === `/run/secrets/${name}`;
  // The comment lines that described the mount go with it, to the reference that replaces it.
  const comments = sequenceItemCommentLines(model, found.item);
  const lines = atDefault ? [name] : [`source: ${name}`, `target: ${yamlString(mount.target)}`];
  const references = found.services.map((service) => appendRawSequenceItem(model, service, 'secrets', lines, comments));
  const declaration = declareTopLevelEntry(model, 'secrets', name, { file: yamlString(rawSource(found.item) ?? mount.source) });
  if (removal.length === 0 || references.some((r) => r.length === 0) || declaration.length === 0) return [];
  const edits = combine(model, removal[0]!, [...references.flat(), ...declaration]);
  if (!edits) return [];
  const shared = found.services.length > 1 ? ` for services ${found.services.join(', ')}` : '';
  // A read-write mount may be written by the application (Laravel's `key:generate` and setup
  // wizards rewrite `.env`): a secret is read-only, so that conversion is offered by hand only.
  const readOnly = mount.readOnly ? '' : ', read-only from then on';
  return [{ title: `Convert ${basename(mount.source)} to a Compose secret "${name}" (kept at ${mount.target}${readOnly})${shared}`, edits, isPreferred: mount.readOnly }];
}

/** The source as written (keeping `${VAR}`s, which Compose interpolates in `secrets.*.file` too). */
function rawSource(item: unknown): string | undefined {
  if (isScalar(item) && typeof item.value === 'string') return parseShortVolume(item.value)?.source;
  if (isMap(item)) {
    const source = item.items.find((p) => keyText(p) === 'source')?.value;
    return isScalar(source) && typeof source.value === 'string' ? source.value : undefined;
  }
  return undefined;
}

/**
 * Inserts that land inside the removed lines (the service's `volumes:` key was the
 * last one and goes away) move to the start of the removal, as whole lines.
 */
function combine(model: ComposeFileModel, removal: TextEdit, inserts: TextEdit[]): TextEdit[] | undefined {
  const start = model.lines.offsetAt(removal.range.start);
  const end = model.lines.offsetAt(removal.range.end);
  const eol = model.lines.eol;
  let replacement = '';
  const rest: TextEdit[] = [];
  for (const insert of inserts) {
    const at = model.lines.offsetAt(insert.range.start);
    if (at > start && at < end) {
      if (!insert.newText.startsWith(eol)) return undefined;
      replacement += insert.newText.slice(eol.length) + eol;
    } else rest.push(insert);
  }
  return [{ ...removal, newText: replacement }, ...rest];
}
