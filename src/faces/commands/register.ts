/**
 * The ribbon's ExecuteFunction and its registration with Office, shared by the two pages that can be the
 * function file: taskpane.html (manifest.xml's FunctionFile: with the shared runtime the ribbon and the
 * pane then run in one JavaScript context) and commands.html (the standalone function page, kept for
 * hosts and tests that load it directly). Both call registerRibbonCommands() when they load.
 *
 * The literal name in the associate call below must equal <FunctionName> in the manifest
 * (tests/addin/manifest.test.ts reads both).
 */
import { checkRequirements, officeRequirementProbe } from '../../hosts/office/requirements';
import { generateRanking } from './generate';

/**
 * Excel shows "working on your request" until completed() is called, and may log an error when it is
 * called twice; this wrapper makes it idempotent so the shell can always complete as a last resort.
 */
function completeOnce(event: Office.AddinCommands.Event): Office.AddinCommands.Event {
  let done = false;
  return {
    ...event,
    source: event.source,
    completed: (options?: { allowEvent?: boolean }) => {
      if (done) return;
      done = true;
      event.completed(options);
    },
  };
}

/**
 * Excel should not activate the add-in without the requirement set (the manifest declares it), but a
 * host that does anyway gets the task pane page in a dialog: that page explains what is missing in the
 * UI language, which a ribbon command has no other way to show.
 */
function showMissingRequirement(): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL('taskpane.html', window.location.href).href;
    try {
      Office.context.ui.displayDialogAsync(url, { height: 40, width: 30 }, () => resolve());
    } catch {
      resolve();
    }
  });
}

export async function onGenerateRanking(event: Office.AddinCommands.Event): Promise<void> {
  const once = completeOnce(event);
  try {
    // A function file only ever runs inside Excel, so the host is known even before onReady reports it.
    const requirement = checkRequirements(officeRequirementProbe(Office.HostType.Excel));
    if (requirement.status === 'unsupported') {
      await showMissingRequirement();
      return;
    }
    await generateRanking(once);
  } catch (error) {
    console.error('ThiDua: generateRanking failed', error);
  } finally {
    once.completed();
  }
}

/**
 * Associates the ribbon's functions with Office; true when it did. Nothing happens without office.js
 * (the standalone page) or in an office.js that runs outside Office and refuses the call: a page that
 * only shows the pane must still boot.
 */
export function registerRibbonCommands(): boolean {
  if (typeof Office === 'undefined' || !Office.actions) return false;
  try {
    Office.actions.associate('generateRanking', onGenerateRanking);
    return true;
  } catch (error) {
    console.warn('ThiDua: the ribbon command could not be registered', error);
    return false;
  }
}
