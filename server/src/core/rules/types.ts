import type { KnowledgeBase } from '../knowledge/lookup';
import type { ComposeConfiguration } from '../project';
import type { BuildLink } from '../dockerfile/link';
import type { DockerfileModel } from '../dockerfile/model';
import type { Fix, Location, RelatedInformation, Severity } from '../types';

export const DOCS_BASE = 'https://github.com/vsafe/vsafe/blob/main/docs/rules/';

export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /** Message templates with `{{name}}` placeholders, keyed by message id. */
  messages: Record<string, string>;
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  location: Location;
  service?: string;
  /** Every service the finding is about, when several share it (see `Finding.services`). */
  services?: readonly string[];
  containerPath?: string;
  /** A lower severity for this finding (a cache-only path is a hint). */
  severityCap?: Severity;
  /**
   * The fixes, or a function that computes them: most findings are never fixed (the
   * editor asks for a finding's fixes only when the user opens its quick fixes), so a
   * costly fix is computed on first read of `finding.fixes`. The function must depend only
   * on the analysed files, which never change under a lint result.
   */
  fixes?: Fix[] | (() => Fix[]);
  related?: RelatedInformation[];
}

export interface ComposeRuleContext {
  configuration: ComposeConfiguration;
  /** Every configuration of this lint run (this one included), for rules that look across them. */
  configurations?: readonly ComposeConfiguration[];
  knowledge: KnowledgeBase;
  report(report: Report): void;
}

export interface DockerfileRuleContext {
  dockerfile: DockerfileModel;
  /** The compose services (in every configuration) that build this Dockerfile. */
  builds: readonly BuildLink[];
  knowledge: KnowledgeBase;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Runs once per compose configuration (base + overrides as Compose merges them). */
  checkCompose?(context: ComposeRuleContext): void;
  /** Runs once per Dockerfile (each one analysed, whether or not a compose service builds it). */
  checkDockerfile?(context: DockerfileRuleContext): void;
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function formatMessage(template: string, data: Report['data']): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (data && name in data ? String(data[name]) : whole));
}
