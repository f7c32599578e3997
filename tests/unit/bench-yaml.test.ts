/** The generator's YAML writer: whatever it writes, a YAML parser reads back as the same data. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml, yamlScalar } from '../../scripts/bench/yaml.ts';

describe('toYaml', () => {
  it('round-trips text that would otherwise read as something else', () => {
    const data = {
      version: '1.10.0',
      decimal: '1.10',
      yes: 'yes',
      nothing: 'null',
      colon: 'Fix export: keep the order',
      hash: 'a #comment',
      at: '@alice',
      code: 'Set `retries` to **3** (#123)',
      quotes: 'say "hi" and \'bye\'',
      braces: 'POST /v1/{id}',
      time: '2026-03-10T02:00',
      offset: '2026-03-10T02:00+01:00',
      date: '2026-03-10',
      colour: '#1f6feb',
      unicode: 'Zoë Müller — ok',
      empty: [],
      numbers: [1, 2.5],
      flags: { on: true, off: false },
      list: ['web', 'a, b', 'c: d'],
      nested: [
        { id: 'INC-1', startedAt: '2026-03-10T03:00', tags: ['x'] },
        { id: 'INC-2', deep: { more: [{ a: 1 }] } },
      ],
    };
    expect(parse(toYaml(data))).toEqual(data);
  });

  it('writes plain scalars where a person would, and leaves out undefined values', () => {
    expect(toYaml({ version: '2.4.0', start: '2026-03-10T02:00', runbooks: ['deploy-web', 'rollback-web'], owner: undefined, title: 'Smarter exports' })).toBe(
      'version: 2.4.0\nstart: 2026-03-10T02:00\nrunbooks: [deploy-web, rollback-web]\ntitle: Smarter exports\n',
    );
    expect(yamlScalar('A/R')).toBe('A/R');
    expect(yamlScalar('no')).toBe('"no"');
  });
});
