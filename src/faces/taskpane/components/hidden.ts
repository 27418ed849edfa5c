/** Text for screen readers only (the usual clip pattern; `display: none` would hide it from them too). */
import { makeStyles } from '@fluentui/react-components';

export const useHiddenStyles = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});
