import type { Document } from 'yaml';
import { ObjectSlot } from '../collections';

/**
 * The text each parsed document was read from: node ranges are offsets into it. Kept
 * apart from the parser so that readers of the text (the comment index) need not import it.
 */
const sourceTexts = new ObjectSlot<Document, string>('vsafe.sourceText');

export function rememberSourceText(doc: Document, text: string): void {
  sourceTexts.set(doc, text);
}

/** The text a document parsed by compose/yaml.ts was read from. */
export function sourceTextOf(doc: Document): string | undefined {
  return sourceTexts.get(doc);
}
