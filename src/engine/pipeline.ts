// Placeholder so the index compiles until the pipeline lands (helper "output+pipeline" replaces this file).
import type { ClusterInput, CountedScore, Member, Rubric, Settings, UnitResult } from './model';
import type { Finding } from './findings/catalogue';
import type { OutputSheet } from './output/types';

export interface ClusterResult {
  settings: Settings;
  rubric: Rubric | null;
  members: Member[];
  units: UnitResult[];
  counted: CountedScore[];
  findings: Finding[];
  sheets: OutputSheet[];
}

export declare function runCluster(input: ClusterInput): ClusterResult;
