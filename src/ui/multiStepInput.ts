/**
 * A keyboard-first wizard over VS Code's quick input: a list of steps, each showing one quick pick or
 * input box with a "2/7" step counter, a Back button (QuickInputButtons.Back, also the
 * `workbench.action.quickInputBack` keybinding) from the second prompt on, and Esc to cancel.
 *
 *   const wizard = new MultiStepInput({ title: 'Draft a request', totalSteps: 3 });
 *   const done = await wizard.run(steps, state);   // false: the person cancelled
 *
 * Steps write their answers into `state`. Going Back re-runs the previous step that was shown (steps
 * whose `when` is false are skipped both ways), so a step should pre-fill its prompt from `state`.
 * One prompt is on screen at a time; the next replaces the previous without closing the widget.
 */
import * as vscode from 'vscode';

/** The text shown on an input box's validation line, or undefined when the value is fine. */
export type Validator = (value: string) => string | undefined;

export interface PickOptions<T extends vscode.QuickPickItem> {
  /** Overrides the wizard's title for this prompt. */
  title?: string;
  placeholder: string;
  items: readonly T[];
  /** The item focused when the list opens (Enter accepts it). */
  active?: T;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
  /**
   * Called on Enter with the chosen item, while the list shows as busy. Return false to keep the list
   * open (an item that is only information, or an action that failed and was reported). A throw ends
   * the wizard with that error.
   */
  accept?(item: T): boolean | Promise<boolean>;
}

export interface InputOptions {
  title?: string;
  prompt: string;
  placeholder?: string;
  /** The initial value (e.g. the answer given before going Back). */
  value?: string;
  /** Checked as the person types and again on Enter; Enter is refused while it returns a message. */
  validate: Validator;
  /** Sees every edit, so an answer typed but not yet accepted survives going Back. */
  onDidChange?(value: string): void;
}

/** What a step uses to ask its question. Each step asks one question (one pick or one input). */
export interface StepPrompts {
  pick<T extends vscode.QuickPickItem>(options: PickOptions<T>): Promise<T>;
  /** The trimmed, validated answer. */
  input(options: InputOptions): Promise<string>;
  /** Goes back to the previous step, as the Back button does (for a "Back" item in a list). */
  back(): never;
}

export interface Step<S> {
  /** The number shown as "n/total". Sub-questions of one step (a new person's name, then org) share it. */
  number: number;
  /** When given and false, the step is skipped, going forward and going back. */
  when?(state: S): boolean;
  run(prompts: StepPrompts, state: S): Promise<void>;
}

const BACK = Symbol('back');
const CANCEL = Symbol('cancel');
type Signal = typeof BACK | typeof CANCEL;

function isSignal(e: unknown): e is Signal {
  return e === BACK || e === CANCEL;
}

export class MultiStepInput {
  private current: vscode.QuickInput | undefined;

  constructor(private readonly options: { title: string; totalSteps: number }) {}

  /**
   * Runs the steps in order. Resolves true when the last step is done, false when the person pressed
   * Esc (or the prompt was otherwise closed); a step's own error rejects. The widget is closed either way.
   */
  async run<S>(steps: readonly Step<S>[], state: S): Promise<boolean> {
    const shown: number[] = [];
    let i = 0;
    try {
      while (i < steps.length) {
        const step = steps[i]!;
        if (step.when && !step.when(state)) {
          i++;
          continue;
        }
        try {
          await step.run(this.prompts(step.number, shown.length > 0), state);
          shown.push(i);
          i++;
        } catch (e) {
          if (e === BACK && shown.length > 0) i = shown.pop()!;
          else if (e === CANCEL) return false;
          else if (!isSignal(e)) throw e;
        }
      }
      return true;
    } finally {
      this.current?.dispose();
      this.current = undefined;
    }
  }

  private prompts(number: number, canGoBack: boolean): StepPrompts {
    return {
      pick: (o) => this.pick(o, number, canGoBack),
      input: (o) => this.input(o, number, canGoBack),
      back: () => {
        throw BACK;
      },
    };
  }

  private decorate(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, title: string | undefined, number: number, canGoBack: boolean): void {
    input.title = title ?? this.options.title;
    input.step = number;
    input.totalSteps = this.options.totalSteps;
    input.ignoreFocusOut = true;
    input.buttons = canGoBack ? [vscode.QuickInputButtons.Back] : [];
  }

  /** Shows `input` in place of the previous prompt (closing first would make the widget flicker). */
  private show(input: vscode.QuickInput): void {
    const previous = this.current;
    this.current = input;
    input.show();
    previous?.dispose();
  }

  private pick<T extends vscode.QuickPickItem>(o: PickOptions<T>, number: number, canGoBack: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const qp = vscode.window.createQuickPick<T>();
      this.decorate(qp, o.title, number, canGoBack);
      qp.placeholder = o.placeholder;
      qp.matchOnDescription = o.matchOnDescription ?? false;
      qp.matchOnDetail = o.matchOnDetail ?? false;
      qp.items = o.items;
      if (o.active) qp.activeItems = [o.active];

      let accepting = false;
      let hidden = false;
      const { subscriptions, settle } = settler();
      subscriptions.push(
        qp.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back && !accepting) settle(() => reject(BACK));
        }),
        qp.onDidHide(() => {
          // Closing while an action runs (e.g. saving) waits for the action: it may already have happened.
          if (accepting) hidden = true;
          else settle(() => reject(CANCEL));
        }),
        qp.onDidAccept(async () => {
          const item = qp.selectedItems[0] ?? qp.activeItems[0];
          if (!item || accepting) return;
          if (o.accept) {
            accepting = true;
            qp.busy = true;
            qp.enabled = false;
            let done: boolean;
            try {
              done = await o.accept(item);
            } catch (e) {
              settle(() => reject(e));
              return;
            } finally {
              accepting = false;
              qp.busy = false;
              qp.enabled = true;
            }
            if (!done) {
              if (hidden) settle(() => reject(CANCEL));
              return;
            }
          }
          settle(() => resolve(item));
        }),
      );
      this.show(qp);
    });
  }

  private input(o: InputOptions, number: number, canGoBack: boolean): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const box = vscode.window.createInputBox();
      this.decorate(box, o.title, number, canGoBack);
      box.prompt = o.prompt;
      box.placeholder = o.placeholder;
      box.value = o.value ?? '';
      // A pre-filled value is checked at once; an empty box only once the person types or presses Enter.
      if (box.value) box.validationMessage = o.validate(box.value);

      const { subscriptions, settle } = settler();
      subscriptions.push(
        box.onDidChangeValue((value) => {
          o.onDidChange?.(value);
          box.validationMessage = o.validate(value);
        }),
        box.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) settle(() => reject(BACK));
        }),
        box.onDidHide(() => settle(() => reject(CANCEL))),
        box.onDidAccept(() => {
          const message = o.validate(box.value);
          box.validationMessage = message;
          if (message === undefined) settle(() => resolve(box.value.trim()));
        }),
      );
      this.show(box);
    });
  }
}

/** One outcome per prompt: the first settle() disposes the prompt's listeners and runs; later ones are ignored. */
function settler(): { subscriptions: vscode.Disposable[]; settle(finish: () => void): void } {
  const subscriptions: vscode.Disposable[] = [];
  let settled = false;
  return {
    subscriptions,
    settle: (finish) => {
      if (settled) return;
      settled = true;
      for (const d of subscriptions) d.dispose();
      finish();
    },
  };
}
