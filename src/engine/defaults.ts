import { Exact } from './exact';
import type { Settings } from './model';

/** The brief's defaults. Every one can be changed from the cluster workbook's Cấu hình sheet. */
export function defaultSettings(): Settings {
  return {
    lang: 'vi',
    clusterName: '',
    year: '',
    blankScore: 'error',
    scoreSource: 'auto',
    displayDecimals: 2,
    tieBreak: [],
    grades: [],
    vote: {
      threshold: Exact.of(1n, 2n),
      strict: true,
      denominator: 'members',
      quorum: Exact.of(2n, 3n),
    },
    awards: [
      { name: 'Cờ thi đua', quota: 1, excludesVeto: true },
      { name: 'Bằng khen', quota: 2, excludesVeto: false },
    ],
  };
}
