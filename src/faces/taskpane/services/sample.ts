/**
 * The sample cluster the standalone page opens with, fetched from the page's own origin so the visitor
 * sees a real ranking before bringing any file. The build copies examples/cum-thi-dua-so-1/ to
 * `examples/cum-thi-dua-so-1/` beside the page (tests/taskpane/sample.test.ts checks every name below
 * exists in the repository, so a renamed example cannot silently break the first visit).
 */
import type { NamedBytes, SampleSet } from './source';

export const SAMPLE_DIR = 'examples/cum-thi-dua-so-1';
export const SAMPLE_CLUSTER = 'Cum1_LDLD_HaNoi_2024.xlsx';
/** The members' submissions, in the cluster's member order. */
export const SAMPLE_SUBMISSIONS: readonly string[] = ['HoanKiem.xlsx', 'BaDinh.xlsx', 'DongDa.xlsx', 'LongBien.xlsx', 'HaiBaTrung.xlsx', 'HoangMai.xlsx'];

export type FetchBytes = (url: string) => Promise<Uint8Array>;

/** Relative URLs resolve against the page, so the request never leaves its origin (and its CSP allows it). */
export const fetchSameOrigin: FetchBytes = async (url) => {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

export async function fetchSample(fetchBytes: FetchBytes = fetchSameOrigin): Promise<SampleSet> {
  const get = async (path: string, name: string): Promise<NamedBytes> => ({ name, bytes: await fetchBytes(`${path}/${encodeURIComponent(name)}`) });
  const [cluster, ...submissions] = await Promise.all([
    get(SAMPLE_DIR, SAMPLE_CLUSTER),
    ...SAMPLE_SUBMISSIONS.map((name) => get(`${SAMPLE_DIR}/bai-nop`, name)),
  ]);
  return { cluster: cluster!, submissions };
}
