/** Layout shared by the three pages. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const usePageStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalM },
  heading: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  wrap: { whiteSpace: 'normal', height: 'auto', textAlign: 'left' },
});
