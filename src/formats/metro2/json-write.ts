/**
 * Writes the items of readMetro2 as one JSON document, streaming: the header, each data record on
 * a line of its own, the trailer, then how the file was framed (blocked, lineSeparator,
 * finalLineSeparator), so that writing the JSON back gives the same bytes. Memory holds one record
 * at a time.
 *
 * @example
 *   const summary = await writeJsonDocument(readMetro2('in.dat'), (text) => out.write(text), onFindings);
 */
import type { Metro2Finding } from './finding-types.js';
import type { Metro2Trailer } from './model-types.js';
import type { Metro2Item } from './read-metro2.js';
import type { Metro2Summary } from './summary-types.js';

/** Writes text; may return a promise (to wait for the stream to drain). */
export type TextSink = (text: string) => undefined | Promise<void>;

export async function writeJsonDocument(
  items: AsyncIterable<Metro2Item>,
  write: TextSink,
  onFindings: (findings: readonly Metro2Finding[]) => void = () => {},
): Promise<Metro2Summary> {
  let headerWritten = false;
  let dataCount = 0;
  let trailer: Metro2Trailer | null = null;
  const startData = async () => {
    if (!headerWritten) {
      await write('{"header":null,\n"data":[');
      headerWritten = true;
    }
  };
  for await (const item of items) {
    if ('findings' in item && item.findings.length > 0) onFindings(item.findings);
    switch (item.kind) {
      case 'header':
        if (!headerWritten) {
          await write(`{"header":${JSON.stringify(item.header)},\n"data":[`);
          headerWritten = true;
        }
        break;
      case 'data':
        await startData();
        await write(`${dataCount++ === 0 ? '\n' : ',\n'}${JSON.stringify(item.record)}`);
        break;
      case 'trailer':
        await startData();
        trailer = item.trailer;
        break;
      case 'end': {
        await startData();
        const f = item.summary.framing;
        await write(
          `${dataCount > 0 ? '\n' : ''}],\n"trailer":${JSON.stringify(trailer)},\n` +
            `"blocked":${f.blocked},"lineSeparator":${JSON.stringify(f.lineSeparator)},"finalLineSeparator":${f.finalLineSeparator}}\n`,
        );
        return item.summary;
      }
    }
  }
  throw new Error('readMetro2 ended without a summary');
}
