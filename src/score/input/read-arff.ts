/**
 * Reads an ARFF file (optionally gzipped) into a table: nominal and string attributes are
 * categorical, numeric ones numeric. A numeric attribute's value that is not a number, a
 * nominal value that is not declared, or a row with the wrong number of values is an error
 * naming the line and the attribute.
 *
 * @example
 *   const table = await readArffTable('/usr/share/doc/weka/examples/credit-g.arff');
 *   table.rows; // 1000
 */
import { MAX_COLUMNS } from '../limits.js';
import { parseDecimal } from '../parse-decimal.js';
import { ScoreError } from '../score-error.js';
import { type ArffAttribute, parseArffAttribute, splitArffValues } from './arff-syntax.js';
import { fileLines } from './file-text.js';
import { type Table, TableBuilder } from './table.js';

/**
 * Reads `path` as ARFF.
 *
 * @example
 *   (await readArffTable('weather.arff')).columns.map((c) => c.name);
 */
export async function readArffTable(path: string): Promise<Table> {
  const attributes: ArffAttribute[] = [];
  const declared: (Set<string> | null)[] = [];
  let builder: TableBuilder | null = null;
  for await (const [raw, line] of fileLines(path)) {
    const text = raw.trim();
    if (text === '' || text.startsWith('%')) continue;
    if (builder === null) {
      const keyword = text.split(/\s/, 1)[0]!.toLowerCase();
      if (keyword === '@relation') continue;
      if (keyword === '@attribute') {
        const attribute = parseArffAttribute(text, line);
        if (attributes.some((a) => a.name === attribute.name))
          throw new ScoreError(`line ${line}: attribute '${attribute.name}' declared twice`);
        if (attributes.length >= MAX_COLUMNS)
          throw new ScoreError(`line ${line}: more than ${MAX_COLUMNS} attributes`);
        attributes.push(attribute);
        declared.push(attribute.nominal ? new Set(attribute.nominal) : null);
        continue;
      }
      if (keyword === '@data') {
        if (attributes.length === 0) throw new ScoreError(`line ${line}: @data before any @attribute`);
        builder = new TableBuilder(
          path,
          attributes.map((a) => a.name),
          attributes.map((a) => a.kind),
          'line',
        );
        continue;
      }
      throw new ScoreError(`line ${line}: expected @relation, @attribute or @data (is this an ARFF file?)`);
    }
    if (text.startsWith('{')) throw new ScoreError(`line ${line}: sparse ARFF rows are not supported`);
    const values = splitArffValues(text, line);
    if (values.length !== attributes.length)
      throw new ScoreError(
        `line ${line}: ${values.length} values, the header declares ${attributes.length} attributes`,
      );
    for (let c = 0; c < values.length; c++) {
      const value = values[c];
      if (value === null || value === undefined) continue;
      const attribute = attributes[c]!;
      if (attribute.kind === 'numeric' && parseDecimal(value) === null)
        throw new ScoreError(`line ${line}, attribute '${attribute.name}': a value that is not a number`);
      if (declared[c] && !declared[c]!.has(value))
        throw new ScoreError(
          `line ${line}, attribute '${attribute.name}': a value not among its declared values`,
        );
    }
    builder.add(values, line);
  }
  if (builder === null) throw new ScoreError(`${path}: no @data section`);
  return builder.finish();
}
