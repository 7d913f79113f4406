// Type-checks every `@example` in the doc comments of src/**/*.ts(x), so an example cannot call
// what does not exist (one in lead-submission.ts called two functions that never existed).
// Each example becomes an in-memory module beside its source file, with the source's exports
// (and any other src/ export it names, when only one module has it) imported, and the free
// names of GIVENS declared. Nothing is written.
// Run by `npm run typecheck`; `npx tsx scripts/check-doc-examples.ts` alone prints the same.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Names an example may use without defining them: what its reader already has at hand. */
const GIVENS = `
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Chat } from '~/src/shared/eleapi-api.ts';
import type { PublicApi } from '~/src/widget/loader/public-api.ts';
import type { FormController } from '~/src/widget/types.ts';
declare const request: Request;
declare const body: string;
declare const chat: Chat;
declare const script: HTMLScriptElement;
declare const controller: FormController;
declare const EleapiLeads: PublicApi;
declare function track(event: unknown): void;
`;
const GIVEN_NAMES = new Set(
  [...GIVENS.matchAll(/(?:import(?: type)? \{ (\w+) \}|declare (?:const|function) (\w+))/g)].map(
    (match) => match[1] ?? match[2],
  ),
);

export interface Source {
  /** Absolute path. */
  path: string;
  text: string;
}

export interface DocExample {
  /** 1-based line of the example's first code line in its source. */
  line: number;
  code: string;
}

export interface ExampleProblem {
  path: string;
  line: number;
  message: string;
}

/** The `@example` blocks of a file's `/** … *\/` comments, inline or on the lines below. */
export function findExamples(text: string): DocExample[] {
  const examples: DocExample[] = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const firstLine = text.slice(0, comment.index).split('\n').length;
    const lines = comment[0]
      .replace(/^\/\*\*/, '')
      .replace(/\*\/$/, '')
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''));
    let current: { line: number; code: string[] } | undefined;
    lines.forEach((line, index) => {
      const tag = /^\s*@(\w+)\s?(.*)$/.exec(line);
      if (tag) {
        if (current) examples.push({ line: current.line, code: current.code.join('\n') });
        current = undefined;
        if (tag[1] !== 'example') return;
        current = { line: firstLine + index + (tag[2]?.trim() ? 0 : 1), code: [] };
        if (tag[2]?.trim()) current.code.push(tag[2]);
        return;
      }
      current?.code.push(line);
    });
    if (current) examples.push({ line: current.line, code: current.code.join('\n').trimEnd() });
  }
  return examples.filter((example) => example.code.trim() !== '');
}

interface Export {
  path: string;
  typeOnly: boolean;
}

// The top-level named exports of each source: a name exported by one module can be auto-imported.
function exportIndex(sources: Source[]): Map<string, Export[]> {
  const index = new Map<string, Export[]>();
  const add = (name: string, path: string, typeOnly: boolean) =>
    index.set(name, [...(index.get(name) ?? []), { path, typeOnly }]);
  for (const { path, text } of sources) {
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
    for (const statement of file.statements) {
      const exported = ts.canHaveModifiers(statement)
        ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
        : false;
      if (!exported) continue;
      const typeOnly = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement);
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) add(declaration.name.text, path, false);
        }
      } else if (
        (ts.isFunctionDeclaration(statement) ||
          ts.isClassDeclaration(statement) ||
          ts.isEnumDeclaration(statement) ||
          ts.isInterfaceDeclaration(statement) ||
          ts.isTypeAliasDeclaration(statement)) &&
        statement.name
      ) {
        add(statement.name.text, path, typeOnly);
      }
    }
  }
  return index;
}

function identifiers(code: string): Set<string> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code);
  const names = new Set<string>();
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.Identifier) names.add(scanner.getTokenValue());
  }
  return names;
}

const importPath = (from: string, to: string) => {
  const path = relative(dirname(from), to);
  return path.startsWith('.') ? path : `./${path}`;
};

/** The problems of every example in `sources`; empty when they all type-check. */
export function checkDocExamples(root: string, sources: Source[]): ExampleProblem[] {
  const index = exportIndex(sources);
  const virtual = new Map<string, string>(sources.map((source) => [source.path, source.text]));
  const origins = new Map<string, { source: string; example: DocExample; offset: number }>();

  for (const source of sources) {
    findExamples(source.text).forEach((example, n) => {
      const path = source.path.replace(/\.tsx?$/, `.example-${n + 1}.ts`);
      const imports = [...identifiers(example.code)].flatMap((name) => {
        if (GIVEN_NAMES.has(name)) return [];
        const found = index.get(name) ?? [];
        const own = found.find((e) => e.path === source.path);
        const pick = own ?? (found.length === 1 ? found[0] : undefined);
        if (!pick) return [];
        const spec = `${pick.typeOnly ? 'type ' : ''}${name}`;
        return [`import { ${spec} } from '${importPath(path, pick.path)}';`];
      });
      const givens = GIVENS.replaceAll(/'~\/([^']+)'/g, (_, to: string) => {
        return `'${importPath(path, join(root, to))}'`;
      });
      const head = `${imports.join('\n')}\n${givens}\nexport async function example() {\n`;
      virtual.set(path, `${head}${example.code}\n}\n`);
      origins.set(path, { source: source.path, example, offset: head.split('\n').length - 1 });
    });
  }

  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`no tsconfig.json in ${root}`);
  // An example is a fragment: names it defines for the reader need not be used again.
  const options = {
    ...config.options,
    noEmit: true,
    noUnusedLocals: false,
    noUnusedParameters: false,
    noImplicitReturns: false,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (path) => virtual.has(resolve(path)) || fileExists(path);
  host.readFile = (path) => virtual.get(resolve(path)) ?? readFile(path);
  host.getSourceFile = (path, language, ...rest) => {
    const text = virtual.get(resolve(path));
    return text === undefined
      ? getSourceFile(path, language, ...rest)
      : ts.createSourceFile(path, text, language, true);
  };
  const program = ts.createProgram([...origins.keys()], options, host);

  const problems: ExampleProblem[] = [];
  for (const [path, origin] of origins) {
    const file = program.getSourceFile(path);
    if (!file) throw new Error(`the example module ${path} was not loaded`);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
    ];
    for (const diagnostic of diagnostics) {
      const at = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
      problems.push({
        path: origin.source,
        line: origin.example.line + Math.max(0, at - origin.offset),
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
      });
    }
  }
  return problems;
}

function sourcesUnder(root: string, folder: string): Source[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => join(root, folder, name))
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const sources = sourcesUnder(root, 'src');
  const count = sources.reduce((sum, source) => sum + findExamples(source.text).length, 0);
  const problems = checkDocExamples(root, sources);
  for (const problem of problems) {
    console.error(`${relative(root, problem.path)}:${problem.line}: @example: ${problem.message}`);
  }
  if (problems.length > 0) {
    console.error(`${problems.length} problem(s) in the doc examples of src/`);
    process.exit(1);
  }
  console.log(`${count} doc examples in src/ type-check`);
}
