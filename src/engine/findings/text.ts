import { def } from './define';

/** Text normalisation hazards. */
export const textFindings = {
  LEGACY_ENCODING_CONVERTED: def<{ encoding: string; original: string; converted: string }>({
    severity: 'warning',
    blocks: 'none',
    vi: (p) => `Chữ gõ bằng mã ${p.encoding} "${p.original}" đã được chuyển sang Unicode: "${p.converted}".`,
    en: (p) => `Text typed in ${p.encoding} "${p.original}" was converted to Unicode: "${p.converted}".`,
  }),
};
