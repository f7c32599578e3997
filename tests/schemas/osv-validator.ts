/** The OSV 1.6 JSON schema of this folder as an Ajv (JSON Schema 2020-12) validator, with the two formats it uses. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/** RFC 3339 date-time, as OSV requires. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** Why: unit and build tests check OSV records against the same schema. */
export function osvValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, 'osv-1.6.schema.json'), 'utf8'));
  const ajv = new Ajv2020({
    allErrors: true,
    formats: { 'date-time': (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)), uri: (value: string) => URL.canParse(value) },
  });
  return ajv.compile(schema);
}
