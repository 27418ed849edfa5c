/**
 * Task pane entry, for both pages built from it: taskpane.html (inside Excel, with office.js) and
 * index.html (the standalone page, no office.js, a strict content security policy). The boot waits for
 * Office when office.js is there and never when it is not, then picks the host, language and services.
 *
 * taskpane.html is also manifest.xml's FunctionFile and the page of its shared runtime: the ribbon's
 * "Tạo bảng xếp hạng" is registered here, as soon as the bundle loads, so that a click runs in the same
 * JavaScript context as the pane (which then hears of the run, src/hosts/office/status.ts). Where Excel
 * has no shared runtime it loads this page a second time, hidden, to run the function.
 */
import { createRoot } from 'react-dom/client';
import { checkRequirements, officeRequirementProbe } from '../../hosts/office/requirements';
import { registerRibbonCommands } from '../commands/register';
import { App } from './App';
import type { ReadyInfo } from './host';
import { detectHost, officeGlobal } from './host';
import { chooseLanguage } from './i18n';
import { rememberedLanguage } from './services/preferences';
import { createServices } from './services';

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

function boot(container: HTMLElement): void {
  const root = createRoot(container);
  const render = (info: ReadyInfo | null) => {
    const office = officeGlobal();
    const host = detectHost(info, office);
    const lang = chooseLanguage(host, {
      officeDisplayLanguage: host === 'excel' ? office?.context?.displayLanguage : null,
      browserLanguages: browserLanguages(),
      requested: new URLSearchParams(window.location.search).get('lang') ?? rememberedLanguage(),
    });
    const requirement = checkRequirements(officeRequirementProbe(host === 'excel' ? info?.host : null));
    root.render(<App services={createServices(host)} host={host} initialLang={lang} requirement={requirement} loadSample={host === 'standalone'} />);
  };
  const office = officeGlobal();
  // office.js absent (the standalone page) or failed to load (offline): start at once, without Excel.
  if (!office?.onReady) {
    render(null);
    return;
  }
  office.onReady((info) => render(info)).catch(() => render(null));
}

// Before anything waits on Office: Excel may call the function as soon as the page has loaded.
registerRibbonCommands();

const container = typeof document !== 'undefined' ? document.getElementById('container') : null;
if (container) boot(container);
