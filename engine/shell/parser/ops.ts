/**
 * Operator tokens of mvdan/sh v3 as the GopherJS build numbers them. The
 * parser reports operators as numbers; these tables turn them into the
 * text the interpreter switches on. ops.test.ts checks every entry against
 * the parser itself, so an upgrade of mvdan-sh that renumbers fails loudly.
 */

/** BIN_CMD_OPS are the operators of BinaryCmd (lists and pipes). */
export const BIN_CMD_OPS: Record<number, string> = { 10: '&&', 11: '||', 12: '|', 13: '|&' };

/** REDIR_OPS are redirection operators. */
export const REDIR_OPS: Record<number, string> = {
  54: '>', 55: '>>', 56: '<', 57: '<>', 58: '<&', 59: '>&', 60: '>|', 61: '<<', 62: '<<-', 63: '<<<', 64: '&>', 65: '&>>',
};

/** CASE_OPS end a case item. */
export const CASE_OPS: Record<number, string> = { 30: ';;', 31: ';&', 32: ';;&' };

/** PARAM_OPS are the operators of ${x<op>word}. */
export const PARAM_OPS: Record<number, string> = {
  68: '+', 69: ':+', 70: '-', 71: ':-', 72: '?', 73: ':?', 74: '=', 75: ':=', 76: '%', 77: '%%', 78: '#', 79: '##',
  80: '^', 81: '^^', 82: ',', 83: ',,', 84: '@',
};

/** ARITH_BIN_OPS are binary arithmetic operators (`?` is the ternary, whose Y is a `:` pair). */
export const ARITH_BIN_OPS: Record<number, string> = {
  68: '+', 70: '-', 38: '*', 85: '/', 76: '%', 39: '**', 40: '==', 41: '!=', 56: '<', 42: '<=', 54: '>', 43: '>=',
  9: '&', 12: '|', 80: '^', 61: '<<', 55: '>>', 10: '&&', 11: '||', 82: ',', 74: '=', 44: '+=', 45: '-=', 46: '*=',
  47: '/=', 48: '%=', 49: '&=', 50: '|=', 51: '^=', 52: '<<=', 53: '>>=', 72: '?', 87: ':',
};

/** ARITH_UN_OPS are unary arithmetic operators. */
export const ARITH_UN_OPS: Record<number, string> = { 34: '!', 35: '~', 70: '-', 68: '+', 36: '++', 37: '--' };

/** TEST_BIN_OPS are the binary operators of [[ ]]. */
export const TEST_BIN_OPS: Record<number, string> = {
  40: '==', 74: '=', 41: '!=', 112: '=~', 56: '<', 54: '>', 116: '-eq', 117: '-ne', 120: '-lt', 118: '-le', 121: '-gt',
  119: '-ge', 113: '-nt', 114: '-ot', 115: '-ef', 10: '&&', 11: '||',
};

/** TEST_UN_OPS are the unary operators of [[ ]]. */
export const TEST_UN_OPS: Record<number, string> = {
  88: '-e', 89: '-f', 90: '-d', 91: '-c', 92: '-b', 93: '-p', 94: '-S', 95: '-L', 96: '-k', 97: '-g', 98: '-u', 99: '-G',
  100: '-O', 101: '-N', 102: '-r', 103: '-w', 104: '-x', 105: '-s', 106: '-t', 107: '-z', 108: '-n', 109: '-o', 110: '-v',
  111: '-R', 34: '!',
};

/** PROC_SUBST_OPS distinguish <( from >(. */
export const PROC_SUBST_OPS: Record<number, string> = { 66: '<(', 67: '>(' };

/** GLOB_OPS are the extended glob operators. */
export const GLOB_OPS: Record<number, string> = { 122: '?(', 123: '*(', 124: '+(', 125: '@(', 126: '!(' };

/** PARAM_NAMES_OPS are ${!prefix*} and ${!prefix@}. */
export const PARAM_NAMES_OPS: Record<number, string> = { 38: '*', 84: '@' };
