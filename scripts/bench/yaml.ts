/**
 * A small YAML writer for the generated content: block maps, flow lists of scalars, block lists
 * of maps. Strings that could read as anything but text are written as JSON strings (valid YAML
 * double-quoted scalars), the rest plain, as a person would write them. The `yaml` package's
 * stringify is exact but was most of the generator's time (about 1 ms per release); this is not.
 */

type Scalar = string | number | boolean;
/** What the writer accepts: scalars, lists and maps of them (undefined values are left out). */
export type YamlValue = Scalar | YamlValue[] | { [key: string]: YamlValue | undefined };

const PLAIN_TEXT = /^[A-Za-z][A-Za-z0-9 ._/@+()'-]*[A-Za-z0-9._/)'-]$|^[A-Za-z]$/;
const PLAIN_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?:[+-]\d{2}:\d{2}|Z)?)?$/;
const PLAIN_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

/** Why: every string either plain (when it cannot be misread) or JSON-quoted, never guessed. */
export function yamlScalar(value: Scalar): string {
  if (typeof value !== 'string') return String(value);
  const plain = (PLAIN_TEXT.test(value) && !RESERVED.test(value)) || PLAIN_TIME.test(value) || PLAIN_VERSION.test(value);
  return plain ? value : JSON.stringify(value);
}

/** Why: a YAML document (frontmatter or a .yaml file) from plain data, one key per line. */
export function toYaml(value: YamlValue, indent = ''): string {
  if (Array.isArray(value)) return blockList(value, indent);
  if (typeof value === 'object') return blockMap(value, indent);
  return `${indent}${yamlScalar(value)}\n`;
}

function blockMap(map: { [key: string]: YamlValue | undefined }, indent: string): string {
  let text = '';
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    const name = yamlScalar(key);
    if (isScalar(value)) text += `${indent}${name}: ${yamlScalar(value)}\n`;
    else if (Array.isArray(value) && value.every(isScalar)) text += `${indent}${name}: [${value.map((item) => yamlScalar(item as Scalar)).join(', ')}]\n`;
    else text += `${indent}${name}:\n${toYaml(value, `${indent}  `)}`;
  }
  return text;
}

function blockList(list: YamlValue[], indent: string): string {
  let text = '';
  for (const item of list) {
    if (isScalar(item)) text += `${indent}- ${yamlScalar(item)}\n`;
    else {
      // The first line of a nested map goes after the dash, the rest lines up under it.
      const nested = toYaml(item, `${indent}  `);
      text += `${indent}- ${nested.slice(indent.length + 2)}`;
    }
  }
  return text;
}

function isScalar(value: YamlValue): value is Scalar {
  return typeof value !== 'object';
}
