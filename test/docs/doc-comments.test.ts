/**
 * Every export of the entry points carries a doc comment, and so does every member of the
 * interfaces, classes and object types they export (component props, the client's methods, the
 * simulator's controls): the generated reference (docs/reference) and editors' hovers are built from them.
 * Members inherited from React's or the DOM's types, and the generated model types, are not ours to document.
 */
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const entries = {
  'emporix-customer-react': 'src/index.ts',
  'emporix-customer-react/api': 'src/api/index.ts',
  'emporix-customer-react/testing': 'src/testing/index.ts',
  'emporix-customer-react/server': 'src/server/index.ts',
  'emporix-customer-react/queries': 'src/queries/index.ts',
};

const configFile = ts.readConfigFile(resolve(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
const program = ts.createProgram(
  Object.values(entries).map((entry) => resolve(root, entry)),
  { ...options, noEmit: true },
);
const checker = program.getTypeChecker();

/** Ours: under src/, but not the generated model code. */
function isOwnSource(node: ts.Node): boolean {
  const file = relative(root, node.getSourceFile().fileName);
  return file.startsWith('src/') && !file.startsWith('src/api/generated/');
}

function isDocumented(symbol: ts.Symbol): boolean {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== '';
}

function where(symbol: ts.Symbol): string {
  const declaration = symbol.declarations?.[0];
  return declaration ? relative(root, declaration.getSourceFile().fileName) : '?';
}

/** The object type whose members an export documents: interfaces, classes and aliases of object types. */
function memberOwner(symbol: ts.Symbol): ts.Type | undefined {
  if (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class)) return checker.getDeclaredTypeOfSymbol(symbol);
  if (symbol.flags & ts.SymbolFlags.TypeAlias) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    return type.flags & ts.TypeFlags.Object ? type : undefined;
  }
  return undefined;
}

/** `entry: Name` or `entry: Name.member` for each export (and member) without a doc comment. */
function undocumented(): string[] {
  const missing = new Set<string>();
  const seenMembers = new Set<ts.Declaration>();
  for (const [entry, path] of Object.entries(entries)) {
    const file = program.getSourceFile(resolve(root, path));
    const module = file && checker.getSymbolAtLocation(file);
    if (!module) throw new Error(`cannot read ${path}`);
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const name = exported.getName();
      // `export * as Parts from './parts'` documents itself with the comment at the top of that file.
      const isNamespace = symbol.flags & ts.SymbolFlags.ValueModule;
      const documented = isNamespace
        ? symbol.declarations?.some((node) => ts.isSourceFile(node) && /^\/\*\*/.test(node.text.trimStart()))
        : isDocumented(symbol) || isDocumented(exported);
      if (!documented) missing.add(`${entry}: ${name} (${where(symbol)})`);

      const owner = memberOwner(symbol);
      if (!owner) continue;
      for (const member of checker.getPropertiesOfType(owner)) {
        const declaration = member.declarations?.[0];
        if (!declaration || !isOwnSource(declaration) || seenMembers.has(declaration)) continue;
        seenMembers.add(declaration);
        if (!isDocumented(member)) missing.add(`${entry}: ${name}.${member.getName()} (${where(member)})`);
      }
    }
  }
  return [...missing].sort();
}

describe('doc comments', () => {
  it('the entry points are found', () => {
    for (const path of Object.values(entries)) expect(program.getSourceFile(resolve(root, path)), path).toBeDefined();
    expect(dirname(resolve(root, entries['emporix-customer-react']))).toBe(resolve(root, 'src'));
  });

  it('every export, and every member of an exported type, has a doc comment', () => {
    expect(undocumented(), 'exports and members without a doc comment: add a /** … */ above each').toEqual([]);
  });
});
