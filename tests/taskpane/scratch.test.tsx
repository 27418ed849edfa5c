// @vitest-environment jsdom
import { it } from 'vitest';
import { readWorkbook } from '../../src/hosts/xlsx';
import { ExcelJS } from '../../src/hosts/xlsx/exceljs';
import { render, screen, fireEvent } from '@testing-library/react';
import { FluentProvider, TabList, Tab, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';

function T() {
  const [v, setV] = useState('a');
  return <FluentProvider theme={webLightTheme}><TabList selectedValue={v} onTabSelect={(_, d) => setV(d.value as string)}><Tab value="a">A</Tab><Tab value="b">B</Tab><Tab value="c">C</Tab></TabList><p>sel {v}</p></FluentProvider>;
}
it('reads', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('S').getCell('A1').value = 'hello';
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const r = await readWorkbook(bytes, 'x.xlsx');
  console.log(JSON.stringify(r.workbook?.sheets[0]?.values), r.findings);
});
it('tabs', async () => {
  render(<T />);
  const a = screen.getByRole('tab', { name: 'A' });
  a.focus();
  fireEvent.keyDown(a, { key: 'ArrowRight' });
  console.log('focused', document.activeElement?.textContent);
  fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
  console.log(screen.getByText(/sel/).textContent);
});
