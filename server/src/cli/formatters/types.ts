import type { Finding } from '../../core/types';

export interface FormatInput {
  findings: Finding[];
  /** Working directory that file paths are shown relative to. */
  cwd: string;
  color: boolean;
  /** Inputs that could not be checked (`vsafe: where: message` on stderr); SARIF records them as notifications. */
  errors?: { where: string; message: string }[];
}

/** 1-based positions and the relative path, as every CLI format prints them. */
export type { FlatReportFinding as FlatFinding } from '../../core/report/json';
