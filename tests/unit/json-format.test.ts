import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/presentation/json.ts';

describe('formatJson', () => {
  it('indents objects, keeps lists of plain values and small flat objects on one line, and parses back to the same value', () => {
    const value = {
      name: 'x',
      counted: ['web/1.0.0', 'api/2.0.0'],
      incidents: [{ release: 'web/1.0.0', incident: 'INC-1' }],
      empty: [],
      nested: { a: 1, b: null, c: { d: [1, 2] } },
      skipped: undefined,
    };
    const text = formatJson(value);
    expect(text).toBe(
      [
        '{',
        '  "name": "x",',
        '  "counted": ["web/1.0.0", "api/2.0.0"],',
        '  "incidents": [{ "release": "web/1.0.0", "incident": "INC-1" }],',
        '  "empty": [],',
        '  "nested": {',
        '    "a": 1,',
        '    "b": null,',
        '    "c": {',
        '      "d": [1, 2]',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
  });
});
