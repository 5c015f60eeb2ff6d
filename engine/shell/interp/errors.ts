/**
 * Control flow of the interpreter travels as thrown values, the way the
 * shell unwinds: exit, return, break/continue, interrupts, and errors that
 * abort the current command with a message (expansion errors).
 */

/** ExitSignal unwinds to the shell that runs `exit n` (or errexit). */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/** ReturnSignal unwinds to the function or sourced file that runs `return`. */
export class ReturnSignal {
  constructor(readonly code: number) {}
}

/** LoopSignal is break or continue, n levels. */
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public n: number,
  ) {}
}

/** InterruptedSignal unwinds a command interrupted by Ctrl-C (130) or a broken pipe (141). */
export class InterruptedSignal {
  constructor(readonly code: number) {}
}

/**
 * ShellError aborts the current command with a message printed as
 * "bash: <message>" (or with the script's line prefix). fatal errors abort
 * the whole input line in an interactive shell, as bash does for
 * expansion errors like ${x:?} or a bad substitution.
 */
export class ShellError {
  constructor(
    readonly message: string,
    readonly code = 1,
    readonly fatal = false,
    /** the status a non-interactive shell exits with (bash uses 127 for parameter errors) */
    readonly scriptCode = code,
  ) {}
}
