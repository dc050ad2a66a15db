/**
 * How a command was invoked, told by type alone (no vscode import: unit-tested in plain Node): no argument,
 * one of our tree nodes (from a view), or anything else — a program's argument, to validate by the command's
 * schema (src/commands/args.ts).
 */
import { TreeNode } from '../views/nodes';

/** Only by type: undefined, one of our tree nodes, or anything else (a program's argument, to validate). */
export function invocationKind(arg: unknown): 'none' | 'tree' | 'argument' {
  if (arg === undefined) return 'none';
  return arg instanceof TreeNode ? 'tree' : 'argument';
}

/** True when a program passed the argument: it gets a rejected promise for a refusal, never a prompt. */
export function isProgrammatic(arg: unknown): boolean {
  return invocationKind(arg) === 'argument';
}
