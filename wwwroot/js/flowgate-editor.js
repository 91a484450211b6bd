// The Action editor's bridge to Monaco beyond what BlazorMonaco wraps: the trigger's type
// declarations, the secret names, and the diff editor's models. Extra libs are global to Monaco,
// so each kind is replaced (never accumulated) when the editor opens another Action.
const libs = new Map();

// editor.main.js only declares Monaco's modules; the global `monaco` exists once the AMD loader
// has resolved them, which can be after the circuit starts rendering on a slow machine.
export function whenReady() {
    return typeof monaco !== 'undefined' ? Promise.resolve() : new Promise(resolve => window.require(['vs/editor/editor.main'], () => resolve()));
}

function setLib(kind, path, text) {
    libs.get(kind)?.dispose();
    libs.set(kind, monaco.languages.typescript.javascriptDefaults.addExtraLib(text, path));
}

export function setTypes(triggerId, declarations, secretNames, packageNames) {
    // Type-check the Action's JavaScript against the declarations, so a wrong api call is underlined.
    const javascript = monaco.languages.typescript.javascriptDefaults;
    // 80001 suggests converting CommonJS to ES modules, but Actions are CommonJS by contract.
    javascript.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: [80001] });
    // ES libraries only: the DOM library's `Event` would merge into the trigger's `Event` (completion offering
    // `bubbles` on an Action's event), and an Action has no window or document. The sandbox's globals (console,
    // fetch, URL, timers) come with the trigger's declarations.
    javascript.setCompilerOptions({ ...javascript.getCompilerOptions(), checkJs: true, allowJs: true, allowNonTsExtensions: true,
        target: monaco.languages.typescript.ScriptTarget.ES2020, lib: ['es2021'] });
    setLib('trigger', `file:///flowgate/${triggerId}.d.ts`, declarations);
    setDraftNames(secretNames, packageNames);
}

// The draft's secret names type event.secrets; its npm dependencies can be required (untyped, not "Cannot find module").
export function setDraftNames(secretNames, packageNames) {
    const members = secretNames.map(name => `  /** Secret \`${name}\`. */\n  readonly ${JSON.stringify(name)}: string;`).join('\n');
    setLib('secrets', 'file:///flowgate/secrets.d.ts', `declare interface Secrets {\n${members}\n}\n`);
    const modules = packageNames.map(name => `declare module ${JSON.stringify(name)} { const m: any; export = m; }`).join('\n');
    setLib('packages', 'file:///flowgate/packages.d.ts', modules + '\n');
}

// The test event is the page's only JSON editor: the trigger's event schema applies to every JSON model.
export function setEventSchema(schemaJson) {
    monaco.languages.json.jsonDefaults.setDiagnosticsOptions({
        validate: true, allowComments: false,
        schemas: [{ uri: 'flowgate://schemas/event.json', fileMatch: ['*'], schema: JSON.parse(schemaJson) }],
    });
}

export function clearTypes() {
    for (const lib of libs.values())
        lib.dispose();
    libs.clear();
}

export function showDiff(diffEditorId, original, modified) {
    const editor = window.blazorMonaco.editor.getEditor(diffEditorId);
    const previous = editor.getModel();
    editor.setModel({
        original: monaco.editor.createModel(original, 'javascript'),
        modified: monaco.editor.createModel(modified, 'javascript'),
    });
    previous?.original?.dispose();
    previous?.modified?.dispose();
}

// Unsaved edits live in the browser until saved or discarded, so a reload or a closed tab loses
// nothing. Each copy remembers the draft stamp it was based on: edits made on a draft that has
// been saved elsewhere since are not silently put back over it. A copy also names the old version
// loaded into the draft, whose secrets and dependencies the next save restores.
const bases = new Map();
const loadedVersions = new Map();

export function keepUnsaved(editorId, key, stamp, fromVersion) {
    bases.set(key, stamp);
    loadedVersions.set(key, fromVersion ?? null);
    const editor = window.blazorMonaco.editor.getEditor(editorId);
    editor.onDidChangeModelContent(() => localStorage.setItem(key,
        JSON.stringify({ stamp: bases.get(key), code: editor.getValue(), fromVersion: loadedVersions.get(key) ?? null })));
}

export function loadVersion(key, versionId) {
    loadedVersions.set(key, versionId);
}

export function takeUnsaved(key) {
    const stored = localStorage.getItem(key);
    return stored === null ? null : JSON.parse(stored);
}

export function forgetUnsaved(key, stamp) {
    bases.set(key, stamp);
    loadedVersions.set(key, null);
    localStorage.removeItem(key);
}

export function rebaseUnsaved(key, stamp) {
    bases.set(key, stamp);
    const stored = takeUnsaved(key);
    if (stored !== null)
        localStorage.setItem(key, JSON.stringify({ stamp, code: stored.code, fromVersion: stored.fromVersion ?? null }));
}
