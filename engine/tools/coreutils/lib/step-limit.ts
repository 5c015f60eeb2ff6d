/**
 * PROGRAM_STEP_LIMIT bounds how many steps a program that computes without
 * ever waiting (an awk `while (1) {}`, a sed `:a;ba` branch loop) may run in
 * one go. Such a program holds the engine's only thread, so Ctrl-C cannot
 * reach it; past the limit it ends as Ctrl-C would end it (status 130), a few
 * seconds in, instead of freezing the lab.
 */
export const PROGRAM_STEP_LIMIT = 10_000_000;
