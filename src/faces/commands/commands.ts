/**
 * Entry of commands.html, the stand-alone function page. manifest.xml now names taskpane.html as its
 * FunctionFile (shared runtime), and that page registers the same function the same way. This page
 * stays for an Office that still holds an older copy of the manifest (Office caches manifests) and for
 * the browser tests that load a bare function file.
 */
import { registerRibbonCommands } from './register';

export { onGenerateRanking } from './register';

registerRibbonCommands();
