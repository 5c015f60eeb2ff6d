/**
 * Status is the result of a plugin call, as pkg/scheduler/framework's Status:
 * a code, the reasons (the texts a user sees in FailedScheduling) and the
 * plugin that produced it. Success is usually written `null`, as Go's nil.
 */

/** Code is framework.Code; the numbers follow upstream's iota order. */
export const Code = {
  Success: 0,
  Error: 1,
  Unschedulable: 2,
  UnschedulableAndUnresolvable: 3,
  Wait: 4,
  Skip: 5,
  Pending: 6,
} as const;
export type Code = (typeof Code)[keyof typeof Code];

/** Status carries a code, reasons and the rejecting plugin's name. */
export class Status {
  plugin = '';
  constructor(
    readonly code: Code,
    readonly reasons: string[] = [],
    readonly error?: Error,
  ) {}

  /** message joins the reasons with ", " (Status.Message). */
  message(): string {
    return this.reasons.join(', ');
  }

  /** isSuccess is true for Success. */
  isSuccess(): boolean {
    return this.code === Code.Success;
  }

  /** isSkip is true for Skip (a PreFilter/PreScore plugin with nothing to do). */
  isSkip(): boolean {
    return this.code === Code.Skip;
  }

  /** isRejected is Unschedulable, UnschedulableAndUnresolvable or Pending. */
  isRejected(): boolean {
    return this.code === Code.Unschedulable || this.code === Code.UnschedulableAndUnresolvable || this.code === Code.Pending;
  }

  /** withPlugin records the plugin name and returns the status. */
  withPlugin(name: string): this {
    this.plugin = name;
    return this;
  }
}

/** ok tells whether a possibly-nil status is a success. */
export function ok(s: Status | null | undefined): boolean {
  return !s || s.code === Code.Success;
}

/** codeOf reads the code of a possibly-nil status (nil is Success). */
export function codeOf(s: Status | null | undefined): Code {
  return s ? s.code : Code.Success;
}

/** unschedulable builds an Unschedulable status. */
export function unschedulable(...reasons: string[]): Status {
  return new Status(Code.Unschedulable, reasons);
}

/** unresolvable builds an UnschedulableAndUnresolvable status. */
export function unresolvable(...reasons: string[]): Status {
  return new Status(Code.UnschedulableAndUnresolvable, reasons);
}

/** SKIP is the shared Skip status (immutable: never set its plugin). */
export const SKIP = new Status(Code.Skip);

/** asStatus wraps an error as an Error status whose message is the error's text (framework.AsStatus). */
export function asStatus(err: unknown): Status {
  const e = err instanceof Error ? err : new Error(String(err));
  return new Status(Code.Error, [e.message], e);
}
