/**
 * The `--json` document: `{ "units": [...], "findings": [...] }`, documented in the README. Field names
 * and shapes are a contract for scripts: add fields only with the README, never rename.
 */
import type { ClusterResult, Finding, Lang, UnitResult } from '../../engine';
import { message } from '../../engine';

export interface JsonUnit {
  code: string;
  name: string;
  group: string;
  rank: number | null;
  /** Rounded to the displayed decimals (half away from zero), null when unranked. */
  total: number | null;
  status: UnitResult['status'];
  tie: boolean;
  approvals: number | null;
  members: number;
  approved: boolean | null;
  award: string | null;
}

export interface JsonFinding {
  severity: Finding['severity'];
  code: string;
  file: string | null;
  sheet: string | null;
  cell: string | null;
  message: string;
}

export interface JsonResult {
  units: JsonUnit[];
  findings: JsonFinding[];
}

export function toJson(result: ClusterResult, lang: Lang): JsonResult {
  const dp = result.settings.displayDecimals;
  const memberCount = result.members.length;
  return {
    units: result.units.map((u) => ({
      code: u.code,
      name: u.name,
      group: u.group,
      rank: u.rank,
      total: u.total === null ? null : Number(u.total.toFixed(dp)),
      status: u.status,
      tie: u.tie,
      approvals: u.vote ? u.vote.approvals : null,
      members: u.vote ? u.vote.members : memberCount,
      approved: u.vote ? u.vote.approved : null,
      award: u.award ? u.award.name : null,
    })),
    findings: result.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      file: f.place.file ?? null,
      sheet: f.place.sheet ?? null,
      cell: f.place.cell ?? null,
      message: message(f, lang),
    })),
  };
}
