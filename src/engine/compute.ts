/**
 * The compute phase end to end: which score counts, totals, validity, ranking, grades, votes and awards.
 * Works on the parsed model only; parse findings decide which units are invalid. Never throws on bad
 * input: everything wrong becomes a finding.
 */
import { voteOutcome } from './approval';
import { proposeAwards } from './awards';
import type { Finding } from './findings/catalogue';
import { blocksOf, finding } from './findings/catalogue';
import { gradeFor } from './grades';
import type { CountedScore, Member, PeerSheet, Rubric, Settings, Submission, UnitResult, UnitVote, VoteOutcome } from './model';
import { rankUnits } from './ranking';
import { applicableLeaves, indexPeers, scoreUnit } from './scoring';
import { checkStatedTotals, computeTotals, countedByPath } from './totals';

export interface ComputeArgs {
  rubric: Rubric;
  members: Member[];
  submissions: Submission[];
  peers: PeerSheet[];
  votes: UnitVote[];
  settings: Settings;
  /** Parse findings so far: unit-blocking errors make their unit invalid. */
  findings: Finding[];
}

export interface ComputeResult {
  /** One per member, in the members sheet's order. */
  units: UnitResult[];
  counted: CountedScore[];
  /** Only the findings this phase adds. */
  findings: Finding[];
}

function firstByKey<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  const m = new Map<string, T>();
  for (const item of items) if (!m.has(key(item))) m.set(key(item), item);
  return m;
}

function blockingByUnit(findings: readonly Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.unit === undefined || blocksOf(f) !== 'unit') continue;
    const list = m.get(f.unit);
    if (list) list.push(f);
    else m.set(f.unit, [f]);
  }
  return m;
}

/** The MEMBER_CODE_MISSING error of a member listed without a code (the parser's, at its cell): why it stays unranked. */
function codeMissing(member: Member, findings: readonly Finding[]): Finding[] {
  const parsed = findings.filter((f) => f.code === 'MEMBER_CODE_MISSING' && f.place.sheet === member.place.sheet && f.place.cell === member.place.cell);
  return parsed.length > 0 ? parsed : [finding('MEMBER_CODE_MISSING', member.place, { name: member.name })];
}

export function computeResults(args: ComputeArgs): ComputeResult {
  const { rubric, members, submissions, settings } = args;
  // The parser keeps one submission per unit (a second is SUBMISSION_DUPLICATE and is not read).
  const submissionOf = firstByKey(submissions, (s) => s.unit);
  const voteOf = firstByKey(args.votes, (v) => v.unit);
  const peers = indexPeers(args.peers);
  const parseBlocking = blockingByUnit(args.findings);
  const missingReported = new Set(args.findings.filter((f) => f.code === 'SUBMISSION_MISSING' && f.unit !== undefined).map((f) => f.unit!));

  const counted: CountedScore[] = [];
  const unitFindings: Finding[] = [];

  const scoredUnits = members.map((member) => {
    if (member.code === '') {
      return { member, submission: undefined, totals: computeTotals(rubric, member.group, new Map()), reasons: codeMissing(member, args.findings) };
    }
    const submission = submissionOf.get(member.code);
    const scored = scoreUnit(
      applicableLeaves(rubric, member.group),
      { member, submission, peers: peers.get(member.code) },
      settings,
      parseBlocking.has(member.code),
    );
    const totals = computeTotals(rubric, member.group, countedByPath(scored.counted));
    const fresh: Finding[] = [...scored.findings];
    if (scored.missingSubmission && !missingReported.has(member.code)) {
      fresh.push(finding('SUBMISSION_MISSING', member.place, { unit: member.code }, { unit: member.code }));
    }
    counted.push(...scored.counted);
    unitFindings.push(...fresh);
    if (submission) unitFindings.push(...checkStatedTotals(rubric, member.group, submission, settings));
    const reasons = [...(parseBlocking.get(member.code) ?? []), ...fresh.filter((f) => blocksOf(f) === 'unit')];
    return { member, submission, totals, reasons };
  });

  const { ranks, findings: tieFindings } = rankUnits(
    scoredUnits.map(({ member, totals, reasons }) => ({
      code: member.code,
      group: member.group,
      total: reasons.length > 0 ? null : totals.total,
      sections: totals.sections,
      bonus: totals.bonus,
      place: member.place,
    })),
    settings.tieBreak,
  );

  const voteFindings: Finding[] = [];
  const outcomes: (VoteOutcome | null)[] = members.map((member) => {
    const vote = voteOf.get(member.code);
    if (!vote) return null;
    // Every listed member counts, one without a code too: "more than half of all members".
    const { outcome, findings } = voteOutcome(vote, members.length, settings.vote);
    voteFindings.push(...findings);
    return outcome;
  });

  const { awards, findings: awardFindings } = proposeAwards(
    scoredUnits.map(({ member, totals }, i) => ({
      code: member.code,
      group: member.group,
      rank: ranks[i]!.rank,
      veto: totals.veto,
      vote: voteOf.get(member.code),
      approved: outcomes[i]?.approved ?? null,
    })),
    settings.awards,
  );

  const units: UnitResult[] = scoredUnits.map(({ member, submission, totals, reasons }, i) => {
    const valid = reasons.length === 0;
    return {
      code: member.code,
      name: member.name,
      group: member.group,
      status: valid ? 'ranked' : 'invalid',
      rank: ranks[i]!.rank,
      tie: ranks[i]!.tie,
      sections: totals.sections,
      bonus: totals.bonus,
      penalty: totals.penalty,
      total: valid ? totals.total : null,
      grade: valid ? gradeFor(totals.total, totals.veto, settings.grades) : null,
      veto: totals.veto,
      vote: outcomes[i] ?? null,
      award: awards[i] ?? null,
      reasons,
      source: submission?.place ?? null,
    };
  });

  return { units, counted, findings: [...unitFindings, ...tieFindings, ...voteFindings, ...awardFindings] };
}
