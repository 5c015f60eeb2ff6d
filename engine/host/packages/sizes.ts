/** sizeToStr is apt's SizeToStr: "4865 ", "128 k", "12.3 M" (callers append "B"). */
export function sizeToStr(bytes: number): string {
  const ext = ['', 'k', 'M', 'G', 'T'];
  let size = bytes;
  for (let i = 0; i < ext.length; i++) {
    if (size < 100 && i !== 0) return `${size.toFixed(1)} ${ext[i]}`;
    if (size < 10000) return `${size.toFixed(0)} ${ext[i]}`;
    size /= 1000;
  }
  return `${size.toFixed(0)} P`;
}

/** bytesText is sizeToStr + "B": "12.3 MB", "4865 B". */
export function bytesText(bytes: number): string {
  return `${sizeToStr(bytes)}B`;
}
