/** What the request diagnostics and their quick fixes share: a tracked document's last check, and its ranges. */
import * as vscode from 'vscode';
import type { CheckResult } from '../domain/requestCheck';
import type { Region } from '../domain/textEdits';

/** The `source` of every diagnostic the request check publishes (and the only ones its quick fixes answer). */
export const DIAGNOSTIC_SOURCE = 'Mentoring Outreach';

/** The check of a tracked document as it was at one version. */
export interface CheckedText {
  version: number;
  /** Offset of the checked text in the document (the region's start, or 0). */
  base: number;
  /** The text that was checked. */
  text: string;
  result: CheckResult;
  /** One per finding, same order. */
  diagnostics: vscode.Diagnostic[];
}

/** The document range of `r`, an offset range of the text checked from `base`. */
export function toRange(doc: vscode.TextDocument, base: number, r: Region): vscode.Range {
  return new vscode.Range(doc.positionAt(base + r.start), doc.positionAt(base + r.end));
}
