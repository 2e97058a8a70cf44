import { documentOptions } from './common.js';
import { clarificationDocx, measuresDocx, memoDocx, orderDocx, progressDocx, taskSheetDocx } from './docx.js';
import { clarificationPdf, measuresPdf, memoPdf, orderPdf, progressPdf, taskSheetPdf } from './pdf.js';

export type DocumentKind = 'measures' | 'progress' | 'order' | 'clarification' | 'memo' | 'tasks';
export type DocumentFormat = 'pdf' | 'docx';

const RENDERERS = {
  measures: { pdf: measuresPdf, docx: measuresDocx },
  progress: { pdf: progressPdf, docx: progressDocx },
  order: { pdf: orderPdf, docx: orderDocx },
  clarification: { pdf: clarificationPdf, docx: clarificationDocx },
  memo: { pdf: memoPdf, docx: memoDocx },
  tasks: { pdf: taskSheetPdf, docx: taskSheetDocx },
} as const;

/** What one rendering needs: the document, its format and options, and the model loaded for that kind. */
export interface RenderRequest {
  kind: DocumentKind;
  format: DocumentFormat;
  thaiDigits: boolean;
  model: unknown;
}

/** A document's bytes from its model, on the calling thread. */
export function renderDocument({ kind, format, thaiDigits, model }: RenderRequest): Promise<Buffer> {
  // The model was loaded for this kind of document.
  const renderer = RENDERERS[kind][format] as (model: unknown) => Promise<Buffer>;
  return documentOptions.run({ thaiDigits }, () => renderer(model));
}
