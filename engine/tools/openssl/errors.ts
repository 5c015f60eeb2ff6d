/**
 * OpenSSL 3.0's error texts for files it cannot load. The hex prefix of each
 * stack line is the thread id in real OpenSSL; the lab prints a fixed one.
 */
const TID = '40E7B1C5D27F0000';

/** stack formats one error-stack line. */
export function stack(code: string, lib: string, func: string, reason: string, where: string): string {
  return `${TID}:error:${code}:${lib}:${func}:${reason}:${where}\n`;
}

const NO_FILE = (path: string) =>
  stack('16000069', 'STORE routines', 'ossl_store_get0_loader_int', 'unregistered scheme', '../crypto/store/store_register.c:237:scheme=file') +
  stack('80000002', 'system library', 'file_open', 'No such file or directory', `../providers/implementations/storemgmt/file_store.c:266:calling stat(${path})`);

const UNSUPPORTED = stack('1608010C', 'STORE routines', 'ossl_store_handle_load_result', 'unsupported', '../crypto/store/store_result.c:149:');

/** what names the kind of object in "Could not read certificate from …". */
export type Loading = 'certificate' | 'private key' | 'CA private key' | 'CA certificate' | 'certificate request' | 'certificate file' | 'public key';

/** missingFile is the text for an input file that does not exist. */
export function missingFile(what: Loading, path: string): string {
  return `Could not open file or uri for loading ${what} from ${path}\n${NO_FILE(path)}`;
}

/** unreadable is the text for a file that holds no object of the wanted kind. */
export function unreadable(what: Loading, path: string): string {
  return `Could not read ${what} from ${path}\n${UNSUPPORTED}`;
}

/** cannotOpenForReading is BIO's error for -in of base64 and similar raw inputs. */
export function cannotOpenForReading(path: string): string {
  return `Can't open "${path}" for reading, No such file or directory\n` +
    stack('80000002', 'system library', 'BIO_new_file', 'No such file or directory', `../crypto/bio/bss_file.c:67:calling fopen(${path}, rb)`) +
    stack('10000080', 'BIO routines', 'BIO_new_file', 'no such file', '../crypto/bio/bss_file.c:75:');
}

/** cannotOpenForWriting is BIO's error for an -out that cannot be created. */
export function cannotOpenForWriting(path: string, reason = 'No such file or directory'): string {
  return `Can't open "${path}" for writing, ${reason}\n` +
    stack(reason === 'Permission denied' ? '8000000D' : '80000002', 'system library', 'BIO_new_file', reason, `../crypto/bio/bss_file.c:67:calling fopen(${path}, wb)`) +
    stack(reason === 'Permission denied' ? '10000080' : '10000080', 'BIO routines', 'BIO_new_file', reason === 'Permission denied' ? 'system lib' : 'no such file', '../crypto/bio/bss_file.c:75:');
}
