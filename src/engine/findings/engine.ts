import { def } from './define';

/** The engine itself: what the pipeline reports when something it did not foresee goes wrong. */
export const engineFindings = {
  ENGINE_INTERNAL: def<{ stage: string; detail: string }>({
    severity: 'error',
    blocks: 'cluster',
    vi: (p) =>
      `Lỗi nội bộ của chương trình ở bước "${p.stage}" (${p.detail}). Không đơn vị nào được xếp hạng; hãy gửi các tệp này cho người hỗ trợ kỹ thuật.`,
    en: (p) =>
      `Internal error of the program at step "${p.stage}" (${p.detail}). No unit was ranked; please send these files to technical support.`,
  }),
};
