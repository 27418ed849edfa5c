/**
 * A button that opens the browser's file picker, and optionally a zone that takes dropped files. The
 * input itself stays out of sight; the button is what keyboard users reach. Files are only read here.
 */
import { useRef, useState } from 'react';
import type { DragEvent, ReactNode } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

export const WORKBOOK_ACCEPT = '.xlsx,.xlsm,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: 'none' },
  label: { whiteSpace: 'normal', textAlign: 'left', height: 'auto' },
});

export interface FilePickerProps {
  label: string;
  /** Accessible name of the hidden input (what the picker is for). */
  inputLabel: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
  /** Text shown in the drop zone before the button; no zone when absent. */
  dropText?: ReactNode;
  appearance?: 'primary' | 'secondary';
}

export function FilePicker({ label, inputLabel, multiple = false, disabled = false, onFiles, dropText, appearance = 'secondary' }: FilePickerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
  };
  const picker = (
    <>
      <Button appearance={appearance} className={styles.label} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        className={styles.hidden}
        accept={WORKBOOK_ACCEPT}
        multiple={multiple}
        aria-label={inputLabel}
        disabled={disabled}
        onChange={(e) => {
          take(e.currentTarget.files);
          // The same file chosen again (after fixing it) must fire change again.
          e.currentTarget.value = '';
        }}
      />
    </>
  );
  if (dropText === undefined) return picker;

  const onDragOver = (e: DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) take(e.dataTransfer.files);
  };
  return (
    <div className={mergeClasses(styles.zone, over && styles.over)} onDragOver={onDragOver} onDragLeave={() => setOver(false)} onDrop={onDrop} data-testid="drop-zone">
      <span>{dropText}</span>
      {picker}
    </div>
  );
}
