/**
 * Reading YAML (src/content/source.ts): the data and the line of a field are the same whichever
 * parser reads a file (js-yaml for plain files, yaml for the rest and for positions), and syntax
 * errors keep yaml's message and line.
 */
import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/content/source.ts';
import { formatProblem } from '../../src/content/problems.ts';

describe('parseYamlSource', () => {
  it.each([
    // Plain files (js-yaml reads them; positions come on the first lineOf).
    ['a: 1\nb:\n  c: two\n', { a: 1, b: { c: 'two' } }, ['b', 'c'], 3],
    ['list:\n  - x: 1\n  - x: 2\n', { list: [{ x: 1 }, { x: 2 }] }, ['list', 1, 'x'], 3],
    // The YAML 1.2 core schema in both: a written time stays text, yes stays text, 010 is ten.
    ['at: 2026-03-10T02:00\nok: yes\nn: 010\n', { at: '2026-03-10T02:00', ok: 'yes', n: 10 }, ['n'], 3],
    // A field that is not there points at its nearest parent in the file.
    ['a:\n  b: 1\n', { a: { b: 1 } }, ['a', 'missing'], 1],
    // Read by yaml alone: aliases (js-yaml refuses them here) and a null key (js-yaml would say "null").
    ['a: &x 1\nb: *x\n', { a: 1, b: 1 }, ['b'], 2],
    ['null: 1\nz: 2\n', { '': 1, z: 2 }, ['z'], 2],
    ['', null, ['a'], 1],
  ] as const)('reads %j', (text, data, path, line) => {
    const { source } = parseYamlSource('x.yaml', text);
    expect(source?.data).toEqual(data);
    expect(source?.lineOf(path)).toBe(line);
  });

  it('counts lines from where a frontmatter block starts', () => {
    expect(parseYamlSource('r.md', 'a: 1\nb: 2\n', 2).source?.lineOf(['b'])).toBe(3);
  });

  it.each([
    ['a: b: c\n', 'x.yaml:1 is not valid YAML: Nested mappings are not allowed in compact mappings'],
    ['a: 1\na: 2\n', 'x.yaml:2 is not valid YAML: Map keys must be unique'],
    ['a:\n\tb: 1\n', 'x.yaml:2 is not valid YAML: Tabs are not allowed as indentation'],
    // yaml reports an unclosed quote where the text ends.
    ['a: "open\n', 'x.yaml:2 is not valid YAML: Missing closing "quote'],
  ])('gives yaml’s syntax error for %j', (text, message) => {
    const { problems } = parseYamlSource('x.yaml', text);
    expect(problems.map((problem) => formatProblem(problem, '').split(' — ')[0])).toEqual([message]);
  });
});
