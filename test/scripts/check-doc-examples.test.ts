import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkDocExamples,
  type ExampleProblem,
  findExamples,
} from '../../scripts/check-doc-examples.ts';

const root = resolve(import.meta.dirname, '../..');
// Not on disk: the checker serves sources from memory, so fixtures need no files.
const fixture = (name: string, example: string) => ({
  path: join(root, `src/shared/${name}.ts`),
  text: `/**\n * Doubles a number.\n *\n * @example\n${example
    .split('\n')
    .map((line) => ` * ${line}`)
    .join('\n')}\n */\nexport function double(n: number): number {\n  return n * 2;\n}\n`,
});
const good = fixture('good-example', 'const four = double(2);');
const missing = fixture('missing-name', 'double(2);\nreturn badRequest(double(2));');
const mistyped = fixture('wrong-type', "double('2');");

describe('findExamples', () => {
  it('finds block and inline examples, with the line each starts on', () => {
    const text = [
      '/**',
      ' * Says hi.',
      ' * @example',
      ' * hi();',
      ' * hi();',
      ' * @returns nothing',
      ' */',
      '/** @example hi() */',
    ].join('\n');
    expect(findExamples(text)).toEqual([
      { line: 4, code: 'hi();\nhi();' },
      { line: 8, code: 'hi()' },
    ]);
  });
});

describe('checkDocExamples', () => {
  let problems: ExampleProblem[] = [];
  const of = (source: { path: string }) => problems.filter((p) => p.path === source.path);
  // One program for the three fixtures: building one loads the whole tree's types (seconds).
  beforeAll(() => {
    problems = checkDocExamples(root, [good, missing, mistyped]);
  }, 120_000);

  it('accepts an example that uses its module as declared', () => {
    expect(of(good)).toEqual([]);
  });

  it('names the file, the line and the unknown function of a broken example', () => {
    expect(of(missing)).toEqual([
      {
        path: missing.path,
        line: 6,
        message: expect.stringContaining("Cannot find name 'badRequest'"),
      },
    ]);
  });

  it('refuses an example that passes the wrong type', () => {
    expect(of(mistyped)).toEqual([
      {
        path: mistyped.path,
        line: 5,
        message: expect.stringContaining(
          "'string' is not assignable to parameter of type 'number'",
        ),
      },
    ]);
  });
});
