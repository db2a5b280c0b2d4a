import { nodeStartingAt, readOnlyShortVolume, setMappingValue } from '../edits/compose-edits';
import type { KnowledgeBase } from '../knowledge/lookup';
import type { Mount } from '../model';
import { basename, isSameOrParent } from '../paths';
import type { ComposeConfiguration, ComposeWorkload } from '../project';
import { imageInfo, statePaths } from '../state';
import type { Fix } from '../types';
import { modelOf } from '../production';
import type { Rule } from './types';
import { secretKind } from './secret-bind-mount';
import { servicesMounting } from '../text';
import { MountEntryReports } from '../compose/mounts';
import { isSocket } from './undocumented-mount';
import { isMap } from 'yaml';

/** File names that are configuration. */
const CONFIG_FILE = /\.(?:conf|cnf|cfg|ini|toml|ya?ml|json|json5|properties|xml|config|rc|env\.example|hcl|lua|vcl)$|^(?:nginx\.conf|Caddyfile|httpd\.conf|my\.cnf|redis\.conf|pg_hba\.conf|postgresql\.conf|haproxy\.cfg|traefik\.ya?ml|prometheus\.ya?ml|Corefile|named\.conf)$/i;

/** Places under /etc that programs write to: certificates that certbot renews, state kept under /etc. */
const WRITTEN_ETC = [
  '/etc/letsencrypt', '/etc/nginx/certs', '/etc/nginx/vhost.d', '/etc/acme.sh', '/etc/ssl/certs', '/etc/pihole', '/etc/dnsmasq.d', '/etc/wireguard', '/etc/tailscale', '/etc/gitlab', '/etc/webmin', '/etc/openvpn', '/etc/docker',
  // Keys the container generates on first start (opendkim-genkey, sshd host keys).
  '/etc/opendkim', '/etc/dkimkeys', '/etc/ssh',
  // mailcow's dovecot writes /etc/sogo/sieve.creds at every start.
  '/etc/sogo',
];

/**
 * Package manifests, lock files and project build settings: source that package managers and
 * dev servers rewrite (`npm install`; `next dev` adds to tsconfig.json), not configuration.
 */
const PACKAGE_MANIFEST = /^(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|composer\.(?:json|lock)|pnpm-lock\.yaml|deno\.jsonc?|pyproject\.toml|Cargo\.toml|Pipfile|tsconfig(?:\.[\w-]+)?\.json|jsconfig\.json)$/;

/** Container folders that hold data, not configuration. */
const WRITTEN_TARGETS = ['/data', '/var/lib', '/srv/data', '/var/log', '/tmp', '/run', '/var/run'];

/** Why a bind mount is configuration, or undefined. */
export function configReason(mount: Mount): string | undefined {
  if (mount.type !== 'bind' || !mount.source || mount.unknown) return undefined;
  const name = basename(mount.source.replace(/\\/g, '/').replace(/\/+$/, ''));
  if (isSocket(mount)) return undefined;
  // Files the application writes: Traefik's certificate store, JSON "databases", state files.
  if (/acme|(?:^|[._-])(?:db|data|state|storage|cache|store|history|session)s?(?:[._-]|$)/i.test(name)) return undefined;
  if (WRITTEN_TARGETS.some((p) => isSameOrParent(p, mount.target))) return undefined;
  if (PACKAGE_MANIFEST.test(name)) return undefined;
  if (CONFIG_FILE.test(name)) return `a configuration file (${name})`;
  if (isSameOrParent('/etc', mount.target) && mount.target !== '/etc') {
    if (WRITTEN_ETC.some((p) => isSameOrParent(p, mount.target) || isSameOrParent(mount.target, p))) return undefined;
    return `mounted under /etc`;
  }
  return undefined;
}

export const writableConfigMount: Rule = {
  meta: {
    id: 'writable-config-mount',
    description: 'Configuration is bind-mounted read-write: the container can change the host file.',
    defaultSeverity: 'info',
    fixable: true,
    messages: {
      writable:
        '{{Services}} {{mounts}} {{source}} ({{why}}) read-write at {{target}}. The container can rewrite the host\'s configuration — a compromised or misbehaving process changes it, and the change silently survives every redeploy. Configuration only needs to be read: mount it read-only ({{fix}}).',
    },
  },
  checkCompose(context) {
    const { configuration, knowledge } = context;
    const entries = new MountEntryReports(configuration);
    for (const workload of configuration.workloads) {
      for (const mount of workload.mounts) {
        if (mount.inherited || entries.done(mount)) continue;
        // `:rw` written out says the container writes there on purpose (SearXNG rewrites its settings.yml).
        if (mount.readOnly || mount.readWrite) continue;
        const why = configReason(mount);
        if (!why || secretKind(mount) || writtenState(mount, workload, knowledge)) continue;
        const { services, shared } = entries.take(mount, workload.name);
        context.report({
          messageId: 'writable',
          data: { ...servicesMounting(services), source: mount.source ?? '', target: mount.target, why, fix: mount.syntax === 'long' ? '`read_only: true`' : '`:ro`' },
          location: mount.location,
          service: workload.name,
          services: shared,
          containerPath: mount.target,
          fixes: () => readOnlyFix(configuration, mount),
        });
      }
    }
  },
};

/** A mount at (or over) a state path the image writes, such as GitLab's /etc/gitlab, or at configuration its entrypoint rewrites. */
function writtenState(mount: Mount, workload: ComposeWorkload, knowledge: KnowledgeBase): boolean {
  const rewritten = imageInfo(workload, knowledge)?.entry.writesConfig;
  if (rewritten?.some((p) => isSameOrParent(mount.target, p) || isSameOrParent(p, mount.target))) return true;
  return statePaths(workload, knowledge).some((s) => isSameOrParent(mount.target, s.path) || isSameOrParent(s.path, mount.target));
}

export function readOnlyFix(configuration: ComposeConfiguration, mount: Mount): Fix[] {
  const model = modelOf(configuration, mount.location.file);
  if (!model) return [];
  const node = nodeStartingAt(model, model.lines.offsetAt(mount.location.range.start));
  if (!node) return [];
  if (mount.syntax === 'short') {
    const edits = readOnlyShortVolume(model, node);
    return edits ? [{ title: `Mount ${basename(mount.source ?? mount.target)} read-only (:ro)`, edits, isPreferred: true }] : [];
  }
  if (mount.syntax === 'long' && isMap(node)) {
    const edits = setMappingValue(model, node, 'read_only', 'true');
    return edits.length > 0 ? [{ title: `Mount ${basename(mount.source ?? mount.target)} read-only (read_only: true)`, edits, isPreferred: true }] : [];
  }
  return [];
}
