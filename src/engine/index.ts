/** Public surface of the engine: hosts and faces import from here only. */
export * from './grid';
export { Exact } from './exact';
export * from './model';
export * from './output/types';
export type { Finding, FindingCode, ParamsOf } from './findings/catalogue';
export { catalogue, finding, message, describe, blocksOf } from './findings/catalogue';
export type { Lang, Place, Severity } from './findings/define';
export { placeText } from './findings/define';
export { runCluster } from './pipeline';
export type { ClusterResult } from './pipeline';
export { parseSettings, SETTING_KEYS } from './settings';
export { defaultSettings } from './defaults';
